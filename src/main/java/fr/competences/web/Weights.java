package fr.competences.web;

import java.math.BigDecimal;

/** Skill weights as people write them: 1, 2, 0.5 (no trailing zeros). */
final class Weights {

    private Weights() {
    }

    static String format(double weight) {
        return BigDecimal.valueOf(weight).stripTrailingZeros().toPlainString();
    }
}
