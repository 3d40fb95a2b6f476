package dev.docflow.agent.http;

import dev.docflow.agent.InvalidRequestException;
import io.javalin.http.Context;

/** Query parameters that must be numbers in a range; anything else is a 400 naming the parameter. */
final class QueryParams {
    private QueryParams() {}

    static long number(Context ctx, String name, long fallback, long min, long max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("invalid_" + name,
                name + " must be a whole number from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max) + "; got '" + value + "'");
    }
}
