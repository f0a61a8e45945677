package fr.competences.http;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks JAX-RS resources whose every request counts against a {@link RateLimits.Limit} of the client's address
 * ({@link ClientAddress}); past it, the answer is 429 with {@code Retry-After}. E.g.
 * {@code @RateLimited(RateLimits.Limit.LAUNCH)}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateLimited {

    RateLimits.Limit value();
}
