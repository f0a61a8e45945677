package fr.competences.lti.roster;

import fr.competences.lti.nrps.Memberships;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The roster's package-private store, for the in-container tests: what a refresh does with NRPS's answer. */
@ApplicationScoped
public class RosterProbe {

    @Inject
    Roster roster;

    public Roster.Outcome store(long courseId, String issuer, List<Memberships.Member> members) {
        return roster.store(courseId, issuer, members);
    }
}
