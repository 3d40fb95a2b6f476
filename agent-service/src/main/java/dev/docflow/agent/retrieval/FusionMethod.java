package dev.docflow.agent.retrieval;

/**
 * How hybrid retrieval joins its two rankings: by rank ({@link ReciprocalRankFusion}) or by score
 * ({@link ConvexFusion}). Either way {@code retrieval.bm25-weight} and {@code retrieval.knn-weight}
 * weigh the two searches.
 */
public enum FusionMethod {
    RRF("rrf"),
    CONVEX("convex");

    private final String label;

    FusionMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** @throws IllegalArgumentException naming the choices, for anything but {@code rrf} or {@code convex} */
    public static FusionMethod parse(String text) {
        for (FusionMethod method : values()) {
            if (method.label.equalsIgnoreCase(text.strip())) {
                return method;
            }
        }
        throw new IllegalArgumentException("must be rrf or convex, got '" + text + "'");
    }
}
