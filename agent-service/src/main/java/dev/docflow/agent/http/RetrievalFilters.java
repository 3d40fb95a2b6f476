package dev.docflow.agent.http;

import dev.docflow.agent.InvalidRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.docflow.agent.retrieval.RetrievalFilter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Reads a request's {@code "filter"} object into a {@link RetrievalFilter}, refusing what is not
 * well formed: values only ever become term values in the query, never query syntax.
 */
public final class RetrievalFilters {
    static final int MAX_VALUES = 100;

    private RetrievalFilters() {}

    public static RetrievalFilter parse(JsonNode filter) {
        if (filter == null || filter.isNull()) {
            return RetrievalFilter.NONE;
        }
        if (!filter.isObject()) {
            throw invalid("\"filter\" must be an object: {\"documentIds\":[…],\"fileTypes\":[…],\"uploadedFrom\":…,\"uploadedBefore\":…}");
        }
        filter.fieldNames().forEachRemaining(name -> {
            if (!List.of("documentIds", "fileTypes", "uploadedFrom", "uploadedBefore").contains(name)) {
                throw invalid("\"filter\" has no field \"" + name + "\"; it takes documentIds, fileTypes, uploadedFrom, uploadedBefore");
            }
        });
        List<String> documentIds = strings(filter, "documentIds").stream().map(id -> documentId(id)).toList();
        List<String> fileTypes = strings(filter, "fileTypes").stream()
                .map(type -> type.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "")).toList();
        Instant from = instant(filter, "uploadedFrom");
        Instant before = instant(filter, "uploadedBefore");
        if (from != null && before != null && !from.isBefore(before)) {
            throw invalid("\"filter.uploadedFrom\" must be before \"filter.uploadedBefore\"");
        }
        return new RetrievalFilter(documentIds, fileTypes, from, before);
    }

    private static List<String> strings(JsonNode filter, String field) {
        JsonNode value = filter.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.size() > MAX_VALUES) {
            throw invalid("\"filter." + field + "\" must be an array of at most " + MAX_VALUES + " strings");
        }
        List<String> strings = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isTextual() || element.asText().isBlank()) {
                throw invalid("\"filter." + field + "\" must hold non-empty strings");
            }
            strings.add(element.asText().strip());
        }
        return strings;
    }

    private static String documentId(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw invalid("\"filter.documentIds\" holds \"" + id + "\", which is not a document id (a UUID)");
        }
    }

    private static Instant instant(JsonNode filter, String field) {
        JsonNode value = filter.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw invalid("\"filter." + field + "\" must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException("invalid_request", message);
    }
}
