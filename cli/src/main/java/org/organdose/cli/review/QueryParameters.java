package org.organdose.cli.review;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A request's query parameters, each given at most once and each one the route knows; values are
 * checked here against their allowed choices or ranges, with a one-line reason when they fail.
 */
final class QueryParameters {
    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    /** {@code token} is always allowed: it is checked before any route runs. */
    static QueryParameters parse(String rawQuery, Set<String> allowed) throws BadRequestException {
        Map<String, String> values = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&", -1)) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!name.equals("token") && !allowed.contains(name)) {
                    throw new BadRequestException("unknown parameter '" + printable(name) + "' (allowed: "
                            + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
                if (values.put(name, value) != null) {
                    throw new BadRequestException("parameter '" + name + "' given twice");
                }
            }
        }
        return new QueryParameters(values);
    }

    /**
     * The token as given, read before anything else is parsed: a token is URL-safe, so it is
     * compared undecoded; null when there is none or more than one.
     */
    static String token(String rawQuery) {
        String token = null;
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&", -1)) {
            if (pair.startsWith("token=")) {
                if (token != null) {
                    return null;
                }
                token = pair.substring("token=".length());
            }
        }
        return token;
    }

    String required(String name) throws BadRequestException {
        String v = values.get(name);
        if (v == null || v.isEmpty()) {
            throw new BadRequestException("parameter '" + name + "' is missing");
        }
        return v;
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) throws BadRequestException {
        String v = required(name);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        StringBuilder known = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            known.append(known.length() > 0 ? ", " : "").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw new BadRequestException(name + " '" + printable(v) + "' is not one of " + known);
    }

    /** A whole number in [0, size). */
    int index(String name, int size) throws BadRequestException {
        String v = required(name);
        int i;
        try {
            i = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " '" + printable(v) + "' is not a whole number");
        }
        if (i < 0 || i >= size) {
            throw new BadRequestException(name + " " + i + " is out of range 0.." + (size - 1));
        }
        return i;
    }

    private static String decode(String s) throws BadRequestException {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("malformed query: bad percent escape");
        }
    }

    /** A value echoed in a reason: short, on one line, no markup. */
    private static String printable(String s) {
        String t = s.replaceAll("[^\\p{Alnum}._-]", "?");
        return t.length() > 40 ? t.substring(0, 40) + "..." : t;
    }
}
