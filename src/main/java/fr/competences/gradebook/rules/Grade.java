package fr.competences.gradebook.rules;

import java.math.BigDecimal;

/** An activity grade ready for the gradebook: the score out of {@code scoreMaximum}, and its French breakdown. */
public record Grade(BigDecimal scoreGiven, BigDecimal scoreMaximum, String comment) {
}
