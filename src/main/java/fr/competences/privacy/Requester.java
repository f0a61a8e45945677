package fr.competences.privacy;

/**
 * Who asks for a person's data: a member of a course from their session ({@code userId}, {@code role},
 * {@code courseId}), or the administrator (all null). Said in the audit trail and the log.
 */
record Requester(Long userId, String role, Long courseId) {

    static final Requester ADMIN = new Requester(null, null, null);

    /** For the server log: "l'enseignant 12 (cours 7)", "l'administrateur". */
    String describe() {
        return userId == null ? "l'administrateur" : ("TEACHER".equals(role) ? "l'enseignant " : "l'étudiant ")
                + userId + " (cours " + courseId + ")";
    }
}
