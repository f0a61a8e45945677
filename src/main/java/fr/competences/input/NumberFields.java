package fr.competences.input;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The numbers of a JSON body against the fields they are bound to: JSON-B truncates silently ({@code 1.5} or
 * {@code 99999999999999999999} into an int field becomes 1 or an arbitrary int, {@code 1e309} into a double becomes
 * infinity), so whole-number fields must receive whole numbers in their range, decimal ones finite numbers. Walks the
 * application's records and their lists and maps, as JSON-B binds them (component name = JSON name).
 */
final class NumberFields {

    private static final Map<Class<?>, long[]> WHOLE = Map.of(
            int.class, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
            Integer.class, new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
            long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
            Long.class, new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
            short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE},
            Short.class, new long[] {Short.MIN_VALUE, Short.MAX_VALUE});

    private NumberFields() {
    }

    /** Nothing if every number fits its field; else the name of the first that does not. */
    static Optional<String> misfit(Type type, JsonValue value, String path) {
        if (value == null || !(raw(type) instanceof Class<?> target)) {
            return Optional.empty();
        }
        if (value instanceof JsonNumber number) {
            return fits(target, number.bigDecimalValue()) ? Optional.empty() : Optional.of(path);
        }
        if (target.isRecord() && value instanceof JsonObject object) {
            for (RecordComponent component : target.getRecordComponents()) {
                Optional<String> misfit = misfit(component.getGenericType(), object.get(component.getName()),
                        join(path, component.getName()));
                if (misfit.isPresent()) {
                    return misfit;
                }
            }
        } else if (type instanceof ParameterizedType generic) {
            Type[] arguments = generic.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(target) && value instanceof JsonArray array) {
                for (int i = 0; i < array.size(); i++) {
                    Optional<String> misfit = misfit(arguments[0], array.get(i), path + "[" + i + "]");
                    if (misfit.isPresent()) {
                        return misfit;
                    }
                }
            } else if (Map.class.isAssignableFrom(target) && value instanceof JsonObject object) {
                for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                    Optional<String> misfit = misfit(arguments[1], entry.getValue(), join(path, entry.getKey()));
                    if (misfit.isPresent()) {
                        return misfit;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean fits(Class<?> target, BigDecimal number) {
        long[] range = WHOLE.get(target);
        if (range != null) {
            try {
                long whole = number.longValueExact();
                return whole >= range[0] && whole <= range[1];
            } catch (ArithmeticException notWhole) {
                return false;
            }
        }
        if (target == double.class || target == Double.class || target == float.class || target == Float.class) {
            return Double.isFinite(number.doubleValue())
                    && (target == double.class || target == Double.class || Float.isFinite(number.floatValue()));
        }
        return true;
    }

    private static Class<?> raw(Type type) {
        return type instanceof Class<?> plain ? plain
                : type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw ? raw : null;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
