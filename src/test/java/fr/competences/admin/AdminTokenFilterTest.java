package fr.competences.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.competences.config.Settings;
import fr.competences.errors.ProblemException;
import fr.competences.http.ClientAddress;
import fr.competences.http.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminTokenFilterTest {

    private static AdminTokenFilter filterWithToken(String token) {
        AdminTokenFilter filter = new AdminTokenFilter();
        filter.settings = new Settings() {
            @Override
            public Optional<String> adminToken() {
                return Optional.ofNullable(token);
            }
        };
        filter.limits = new RateLimits(); // not configured: no limit (RateLimitsTest and RateLimitsIT test them)
        filter.clientAddress = new ClientAddress();
        filter.servletRequest = (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> method.getName().equals("getRemoteAddr") ? "192.0.2.7" : null);
        return filter;
    }

    /** A request carrying only an Authorization header (null = none). */
    private static ContainerRequestContext request(String authorization) {
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> method.getName().equals("getPath") ? "api/referentiels" : null);
        return (ContainerRequestContext) Proxy.newProxyInstance(ContainerRequestContext.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaderString" -> "Authorization".equals(args[0]) ? authorization : null;
                    case "getMethod" -> "POST";
                    case "getUriInfo" -> uri;
                    default -> null;
                });
    }

    @Test
    void withoutAdminTokenConfiguredTheAdminApiIsDisabledWithAnExplanation() {
        assertThatThrownBy(() -> filterWithToken(null).filter(request("Bearer anything")))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(403);
                    assertThat(problem.detail().fr()).contains("ADMIN_TOKEN");
                });
    }

    @Test
    void aMissingOrWrongTokenIsA401() {
        AdminTokenFilter filter = filterWithToken("right");
        for (String header : new String[] {null, "Bearer wrong", "Basic right", "Bearer"}) {
            assertThatThrownBy(() -> filter.filter(request(header))).as(String.valueOf(header))
                    .isInstanceOfSatisfying(ProblemException.class,
                            problem -> assertThat(problem.status()).isEqualTo(401));
        }
    }

    @Test
    void theConfiguredTokenPassesWhateverTheSchemeCase() {
        AdminTokenFilter filter = filterWithToken("right");
        assertThatCode(() -> filter.filter(request("Bearer right"))).doesNotThrowAnyException();
        assertThatCode(() -> filter.filter(request("bearer right"))).doesNotThrowAnyException();
    }
}
