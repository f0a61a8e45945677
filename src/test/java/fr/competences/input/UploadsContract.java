package fr.competences.input;

import static org.assertj.core.api.Assertions.assertThat;

import fr.competences.evidence.ZipBomb;
import fr.competences.it.Json;
import fr.competences.it.TestApp;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Uploads and request bodies: an archive that would inflate to gigabytes is refused without being inflated, a body
 * larger than its endpoint needs is refused before it is read (announced or chunked, authenticated or not), and an
 * evidence file is stored and served under a clean name ending with its detected type's extension.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UploadsContract {

    private static final long HUNDREDS_OF_MEGABYTES = 300L * 1024 * 1024;

    Fixture fixture;

    abstract TestApp app();

    @BeforeAll
    void createCourse() {
        fixture = new Fixture(app());
    }

    @AfterAll
    void stopPlatform() {
        fixture.close();
    }

    @Test
    void anArchiveThatInflatesTo9GiBIsRefused() {
        byte[] bomb = ZipBomb.of(9, 1024);

        HttpResponse<String> answer = fixture.upload("projet.zip", bomb, "Accept-Language", "en");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        assertThat(MalformedInputContract.problem(answer)).isEmpty();
        JsonObject problem = Json.object(answer.body());
        assertThat(problem.getString("type")).endsWith("evidence-archive-too-large");
        assertThat(problem.getString("detail")).contains("projet.zip", "1 GB");
    }

    @Test
    void anUnauthenticatedLaunchOfHundredsOfMegabytesIsRefusedBeforeItIsRead() {
        RawHttp.Answer answer = RawHttp.send(port(), "POST /lti/launch HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nAccept: " + MalformedInputContract.ACCEPT + "\r\n"
                + "Content-Length: " + HUNDREDS_OF_MEGABYTES, HUNDREDS_OF_MEGABYTES, false);

        assertTooLarge(answer, "64 Ko");
    }

    @Test
    void aChunkedBodyIsCountedAsItIsReadAndRefusedPastTheLimit() {
        RawHttp.Answer launch = RawHttp.send(port(), "POST /lti/launch HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nAccept: " + MalformedInputContract.ACCEPT + "\r\n"
                + "Transfer-Encoding: chunked", HUNDREDS_OF_MEGABYTES, true);
        assertTooLarge(launch, "64 Ko");

        RawHttp.Answer rule = RawHttp.send(port(), "PUT /api/gradebook/rule HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nAccept: application/json\r\nX-Lti-Session: "
                + fixture.teacherSession + "\r\nTransfer-Encoding: chunked", HUNDREDS_OF_MEGABYTES, true);
        assertTooLarge(rule, "64 Ko");
    }

    @Test
    void anEvidenceFileOverItsLimitIsRefusedByItsAnnouncedLength() {
        RawHttp.Answer answer = RawHttp.send(port(), "POST /api/activities/" + fixture.activityId
                + "/evidence/files?name=gros.pdf HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/pdf\r\n"
                + "Accept: application/json\r\nAccept-Language: en\r\nX-Lti-Session: " + fixture.studentSession
                + "\r\nContent-Length: " + HUNDREDS_OF_MEGABYTES, HUNDREDS_OF_MEGABYTES, false);

        assertTooLarge(answer, "10 MB");
    }

    @Test
    void renamedFilesAreStoredAndServedWithTheExtensionOfTheirContent() throws IOException {
        Map<String, byte[]> uploads = Map.of(
                "tp.js", "alert(document.cookie);\n".getBytes(StandardCharsets.UTF_8),
                "lancer.bat", "@echo off\r\nformat c:\r\n".getBytes(StandardCharsets.UTF_8),
                "appli.hta", "Set shell = CreateObject(\"WScript.Shell\")\n".getBytes(StandardCharsets.UTF_8),
                "rapport.docm", office("word/document.xml", "word/vbaProject.bin"),
                "Main.java", "class Main {}\n".getBytes(StandardCharsets.UTF_8));
        Map<String, String> expected = Map.of("tp.js", "tp.js.txt", "lancer.bat", "lancer.bat.txt",
                "appli.hta", "appli.hta.txt", "rapport.docm", "rapport.docm.docx", "Main.java", "Main.java");

        uploads.forEach((name, content) -> {
            HttpResponse<String> created = fixture.upload(name, content);
            assertThat(created.statusCode()).as(name + " " + created.body()).isEqualTo(201);
            long id = Json.object(created.body()).getJsonNumber("id").longValue();
            assertServedAs(id, expected.get(name));
        });
    }

    @Test
    void rightToLeftOverridesAndControlCharactersAreStrippedFromNames() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

        HttpResponse<String> created = fixture.upload("photo\u202Egpj.exe", png);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertServedAs(Json.object(created.body()).getJsonNumber("id").longValue(), "photogpj.exe.png");

        HttpResponse<String> text = fixture.upload("notes\u200F\u2066\r\n.txt", "notes".getBytes(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).as(text.body()).isEqualTo(201);
        assertServedAs(Json.object(text.body()).getJsonNumber("id").longValue(), "notes.txt");
    }

    /** Listed under that name by a new request, and downloaded as an attachment of that name. */
    private void assertServedAs(long id, String name) {
        assertThat(fixture.evidence(id).getString("fileName")).isEqualTo(name);
        HttpResponse<String> download = fixture.call("GET", "/api/evidence/" + id + "/file", fixture.teacherSession,
                null);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue("attachment; filename*=UTF-8''"
                + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    private static void assertTooLarge(RawHttp.Answer answer, String limit) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(Json.object(answer.body()).getString("detail")).contains(limit);
        assertThat(answer.bodySent()).as("octets envoyés avant la réponse").isLessThan(HUNDREDS_OF_MEGABYTES / 3);
    }

    private int port() {
        return app().uri("/").getPort();
    }

    private static byte[] office(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.US_ASCII));
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("x".getBytes(StandardCharsets.US_ASCII));
            }
        }
        return bytes.toByteArray();
    }
}
