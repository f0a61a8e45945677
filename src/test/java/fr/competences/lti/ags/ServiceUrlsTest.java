package fr.competences.lti.ags;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceUrlsTest {

    @Test
    void insertsThePathBeforeTheQueryString() {
        assertThat(ServiceUrls.withPath("https://m.fr/mod/lti/services.php/2/lineitems/5/lineitem?type_id=3", "/scores"))
                .isEqualTo("https://m.fr/mod/lti/services.php/2/lineitems/5/lineitem/scores?type_id=3");
        assertThat(ServiceUrls.withPath("https://lms.fr/li/5/", "/results")).isEqualTo("https://lms.fr/li/5/results");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("resource_link_id", "1 2");
        query.put("limit", "10");
        assertThat(ServiceUrls.withQuery("https://m.fr/x?type_id=3", query))
                .isEqualTo("https://m.fr/x?type_id=3&resource_link_id=1+2&limit=10");
    }

    @Test
    void findsTheNextLinkWhateverTheQuotes() {
        assertThat(ServiceUrls.nextLink("<https://a/p1>; rel=\"first\", <https://a/p3?x=1>; rel=\"next\""))
                .contains("https://a/p3?x=1");
        assertThat(ServiceUrls.nextLink("<https://a/p2>; rel=“next”")).contains("https://a/p2");
        // Moodle's UTF-8 typographic quotes as an ISO-8859-1 reading of the header shows them
        String raw = new String("<https://a/p2>; rel=“next”, <https://a/p9>; rel=“last”".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1);
        assertThat(ServiceUrls.nextLink(raw)).contains("https://a/p2");
        assertThat(ServiceUrls.nextLink("<https://a/p2>; REL=next")).contains("https://a/p2");
        assertThat(ServiceUrls.nextLink("<https://a/p0>; rel=\"prev\", <https://a/p9>; rel=\"nextish\"")).isEmpty();
        assertThat(ServiceUrls.nextLink(null)).isEmpty();
    }
}
