package fr.competences.audit;

/**
 * Who acted: a user of a course (by id, with their role), the administrator (bearer of {@code ADMIN_TOKEN}), a
 * platform registering itself, or the tool on its own (grade delivery, first start, daily purge).
 */
public enum Actor {
    USER, ADMIN, PLATFORM, SYSTEM
}
