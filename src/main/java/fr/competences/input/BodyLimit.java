package fr.competences.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body an endpoint (method, or every method of a class) accepts, in bytes; without it,
 * {@link BodyLimitFilter#DEFAULT_BYTES}. A larger body is refused with a 413 problem before it is read, or as soon as
 * it passes the limit when its length is not announced (chunked).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BodyLimit {

    long value();
}
