package fr.competences.assessment;

import java.util.Set;

/**
 * Fired (CDI, synchronously) inside the transaction that saved positions or comments of these students in this
 * activity: an observer's writes (e.g. a gradebook outbox row) commit or roll back with the positions.
 */
public record PositionsChanged(long courseId, long activityId, Set<Long> studentUserIds) {

    public PositionsChanged {
        studentUserIds = Set.copyOf(studentUserIds);
    }
}
