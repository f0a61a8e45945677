package fr.competences.backup.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of what an archive holds, in lower-case hex as the evidence table keeps it. */
final class Checksums {

    private Checksums() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Copies {@code in} to {@code out} and returns the SHA-256 of what went through. */
    static String copy(InputStream in, OutputStream out) throws IOException {
        DigestInputStream digesting = new DigestInputStream(in, sha256());
        digesting.transferTo(out);
        return hex(digesting.getMessageDigest());
    }
}
