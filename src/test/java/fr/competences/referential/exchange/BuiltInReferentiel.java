package fr.competences.referential.exchange;

import fr.competences.referential.ReferentielTree;

/** The référentiel shipped with the tool, as the exchange tests start from it. */
final class BuiltInReferentiel {

    static final String CODE = "bts-sio-2019-slam";
    static final String TITLE = "BTS SIO 2019 — option SLAM";

    private BuiltInReferentiel() {
    }

    static ReferentielTree load() {
        return BtsSioJsonFormat.read(BuiltInReferentiel.class.getResourceAsStream("/referentiels/" + CODE + ".json"),
                CODE, TITLE);
    }
}
