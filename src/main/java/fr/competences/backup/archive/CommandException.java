package fr.competences.backup.archive;

/** A refusal or failure of a command, said in French and in English; the command prints it and exits with 1. */
public class CommandException extends Exception {

    private final String fr;
    private final String en;

    public CommandException(String fr, String en) {
        this(fr, en, null);
    }

    public CommandException(String fr, String en, Throwable cause) {
        super(en, cause);
        this.fr = fr;
        this.en = en;
    }

    /** The message in the terminal's language ({@link Terminal#english()}). */
    public String say() {
        return Terminal.english() ? en : fr;
    }

    /** The message in French or English, for the server's answers. */
    public String fr() {
        return fr;
    }

    public String en() {
        return en;
    }
}
