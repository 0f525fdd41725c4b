package io.paperlog.accounts;

/**
 * A personal API token as its owner's page lists it (never the secret, which is shown once): its scope is
 * {@code read} or {@code write}; {@code lastUsedAt} is null until it is first used.
 */
public record ApiToken(long id, String name, String scope, String createdAt, String expiresAt, String lastUsedAt,
                       boolean expired) {

    /** What a token may do: read only, or also change what its person may change. */
    public enum Scope {
        READ, WRITE;

        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static java.util.Optional<Scope> of(String slug) {
            return java.util.Arrays.stream(values()).filter(s -> s.slug().equals(slug)).findFirst();
        }
    }

    /** The person a request's token belongs to, the token's id and what it may do. */
    public record Caller(io.paperlog.web.CurrentUser user, long tokenId, Scope scope, java.time.Instant lastUsed) {

        public boolean mayWrite() {
            return scope == Scope.WRITE;
        }
    }
}
