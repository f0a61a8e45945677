package fr.competences.assessment;

import java.util.Set;
import java.util.function.Function;

/**
 * Which of a course's students a reading or a change concerns: all of them (every student with a position, and those
 * the caller already knows), or only some (e.g. those whose positions just changed).
 */
public sealed interface Students {

    Students ALL = new All();

    static Students only(Set<Long> userIds) {
        return new Only(Set.copyOf(userIds));
    }

    /** Every student. */
    record All() implements Students {
    }

    /** These students only (none at all when empty). */
    record Only(Set<Long> userIds) implements Students {
    }

    /** True when only an empty set of students is concerned: there is nothing to do. */
    default boolean none() {
        return this instanceof Only only && only.userIds().isEmpty();
    }

    /** The students concerned: these, or for all of them what {@code everyone} finds. */
    default Set<Long> orElse(Function<Students, Set<Long>> everyone) {
        return this instanceof Only only ? only.userIds() : everyone.apply(this);
    }
}
