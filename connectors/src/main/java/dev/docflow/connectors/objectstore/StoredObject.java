package dev.docflow.connectors.objectstore;

/** An object as listed in the store. */
public record StoredObject(String key, long size, String etag) {}
