package dev.docflow.agent.operations;

/**
 * One server the service needs, asked whether it answers: {@code probe} returns normally when it
 * does and throws when it does not. It may block; {@link Readiness} bounds how long it is waited for.
 *
 * @param name as {@code /ready} reports it: {@code elasticsearch}, {@code postgresql},
 *     {@code object_store}, {@code kafka}
 */
public record DependencyCheck(String name, Runnable probe) {}
