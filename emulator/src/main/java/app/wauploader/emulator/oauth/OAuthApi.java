package app.wauploader.emulator.oauth;

import app.wauploader.emulator.http.ApiError;
import app.wauploader.emulator.http.ApiRequest;
import app.wauploader.emulator.http.ApiRoute;
import app.wauploader.emulator.http.Json;
import app.wauploader.emulator.http.QueryParameters;
import app.wauploader.emulator.http.Reply;
import app.wauploader.emulator.http.Router;
import app.wauploader.emulator.store.AuthorizationCode;
import app.wauploader.emulator.store.EmulatorState;
import app.wauploader.emulator.store.EmulatorStore;
import app.wauploader.emulator.store.IssuedToken;
import app.wauploader.emulator.store.OAuthClient;
import app.wauploader.emulator.store.RandomIds;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Google OAuth 2.0 for installed apps, loopback flow with PKCE
 * (https://developers.google.com/identity/protocols/oauth2/native-app):
 *
 * <ul>
 *   <li>{@code GET /o/oauth2/v2/auth}: approves at once and redirects (302) to the loopback {@code
 *       redirect_uri} with {@code code}, {@code state} and {@code scope} (the asked scopes; with
 *       {@code include_granted_scopes=true} also those granted to the client before). Requires
 *       {@code response_type=code}, a {@code scope}, an S256 {@code code_challenge}, a known {@code
 *       client_id} (any, while no client is registered) and a redirect an installed app may use
 *       ({@link RedirectRule}: loopback {@code http}, or an Android client's custom scheme);
 *       otherwise an error page (400 {@code invalid_request}).
 *   <li>{@code POST /token} (also {@code /oauth2/v4/token}, {@code /o/oauth2/token}): {@code
 *       grant_type=authorization_code} (code, code_verifier, redirect_uri, client credentials) and
 *       {@code grant_type=refresh_token}; answers {@code access_token}, {@code expires_in}, {@code
 *       refresh_token} (code exchange only), {@code scope}, {@code token_type=Bearer}; errors are
 *       {@code {"error","error_description"}} (400 {@code invalid_grant}, 401 {@code
 *       invalid_client}).
 *   <li>{@code POST /revoke?token=…} (also {@code /o/oauth2/revoke}, GET accepted): revoking a
 *       refresh token revokes its access tokens; revoking an access token revokes its refresh token
 *       too (https://developers.google.com/identity/protocols/oauth2/native-app#tokenrevoke).
 *   <li>Emulator control: {@code POST /__emulator/clients {"client_id","client_secret"}}, {@code
 *       POST /__emulator/tokens {"client_id"?,"scope"?}} (mints a token pair without the browser
 *       step), {@code POST|GET /__emulator/tokens/revoke-all}.
 * </ul>
 */
public final class OAuthApi {
  /** How long an authorization code can be redeemed. */
  public static final Duration CODE_VALIDITY = Duration.ofMinutes(10);

  private final EmulatorStore store;
  private final Clock clock;
  private final Duration accessTokenTtl;

  /**
   * @param accessTokenTtlSeconds lifetime of access tokens, seconds (at least 1)
   */
  public OAuthApi(EmulatorStore store, Clock clock, long accessTokenTtlSeconds) {
    this.store = store;
    this.clock = clock;
    this.accessTokenTtl = Duration.ofSeconds(accessTokenTtlSeconds);
  }

  /** Adds this API's routes to {@code router}. */
  public void register(Router router) {
    for (String path : new String[] {"/o/oauth2/v2/auth", "/o/oauth2/auth"}) {
      router.add("GET", path, ApiRoute.OAUTH_AUTH, this::authorize);
    }
    for (String path : new String[] {"/token", "/oauth2/v4/token", "/o/oauth2/token"}) {
      router.add("POST", path, ApiRoute.OAUTH_TOKEN, this::token);
    }
    for (String path : new String[] {"/revoke", "/o/oauth2/revoke"}) {
      router.add("POST", path, ApiRoute.OAUTH_REVOKE, this::revoke);
      router.add("GET", path, ApiRoute.OAUTH_REVOKE, this::revoke);
    }
    router.add("POST", "/__emulator/clients", ApiRoute.EMULATOR, this::registerClient);
    router.add("POST", "/__emulator/tokens", ApiRoute.EMULATOR, this::mint);
    router.add("POST", "/__emulator/tokens/revoke-all", ApiRoute.EMULATOR, this::revokeAll);
    router.add("GET", "/__emulator/tokens/revoke-all", ApiRoute.EMULATOR, this::revokeAll);
  }

  /** The caller of an unrevoked, unexpired access token; empty for any other value. */
  public Optional<Caller> caller(String token) {
    Instant now = clock.instant();
    return store.read(
        state -> {
          IssuedToken issued = state.tokens().get(token);
          return issued != null && issued.kind() == IssuedToken.Kind.ACCESS && issued.isValidAt(now)
              ? Optional.of(new Caller(issued.clientId(), issued.scope()))
              : Optional.<Caller>empty();
        });
  }

  /** True when {@code token} is an unrevoked, unexpired access token. */
  public boolean isValidAccessToken(String token) {
    Instant now = clock.instant();
    return store.read(
        state -> {
          IssuedToken issued = state.tokens().get(token);
          return issued != null
              && issued.kind() == IssuedToken.Kind.ACCESS
              && issued.isValidAt(now);
        });
  }

  // ---- authorization endpoint ----

  private Reply authorize(ApiRequest request) {
    QueryParameters q = request.query();
    Optional<String> clientId = q.first("client_id").filter(s -> !s.isBlank());
    if (clientId.isEmpty()) {
      return errorPage(400, "invalid_request", "Missing required parameter: client_id");
    }
    boolean known =
        store.read(
            state ->
                state.oauthClients().isEmpty() || state.oauthClients().containsKey(clientId.get()));
    if (!known) {
      return errorPage(401, "invalid_client", "The OAuth client was not found.");
    }
    String redirectUri = q.first("redirect_uri").orElse("");
    Optional<String> redirectProblem = RedirectRule.problem(clientId.get(), redirectUri);
    if (redirectProblem.isPresent()) {
      return errorPage(400, "invalid_request", redirectProblem.get());
    }
    if (!q.first("response_type").orElse("").equals("code")) {
      return errorPage(400, "invalid_request", "response_type must be 'code'.");
    }
    String asked = q.first("scope").orElse("").trim();
    if (asked.isEmpty()) {
      return errorPage(400, "invalid_request", "Missing required parameter: scope");
    }
    String scope =
        q.first("include_granted_scopes").filter("true"::equals).isPresent()
            ? withGrantedScopes(clientId.get(), asked)
            : asked;
    String challenge = q.first("code_challenge").orElse("");
    if (challenge.isEmpty()) {
      return errorPage(
          400, "invalid_request", "Missing required parameter: code_challenge (PKCE is required).");
    }
    if (!q.first("code_challenge_method").orElse("").equals("S256")) {
      return errorPage(400, "invalid_request", "code_challenge_method must be S256.");
    }
    String code = RandomIds.next("4/0A", 60);
    AuthorizationCode issued =
        new AuthorizationCode(
            code,
            clientId.get(),
            redirectUri,
            challenge,
            scope,
            clock.instant().plus(CODE_VALIDITY),
            false);
    store.write(
        state -> {
          Instant stale = issued.expiresAt().minus(Duration.ofDays(1));
          state.authorizationCodes().removeIf(c -> c.expiresAt().isBefore(stale));
          return state.authorizationCodes().put(code, issued);
        });
    StringBuilder location =
        new StringBuilder(redirectUri)
            .append(redirectUri.contains("?") ? '&' : '?')
            .append("code=")
            .append(encode(code));
    q.first("state").ifPresent(s -> location.append("&state=").append(encode(s)));
    location.append("&scope=").append(encode(scope));
    return Reply.empty(302).withHeader("Location", location.toString());
  }

  /**
   * Incremental authorization: with {@code include_granted_scopes=true} the new grant also covers
   * every scope the user granted this client before and has not revoked, so separate consent steps
   * add up (https://developers.google.com/identity/protocols/oauth2/web-server#incrementalAuth;
   * draft-ietf-oauth-incremental-authz: one grant for the union of the scopes granted so far).
   */
  private String withGrantedScopes(String clientId, String asked) {
    java.util.Set<String> scopes = new java.util.LinkedHashSet<>();
    store.read(
        state -> {
          for (IssuedToken t : state.tokens().values()) {
            if (t.kind() == IssuedToken.Kind.REFRESH
                && !t.revoked()
                && t.clientId().equals(clientId)
                && t.scope() != null) {
              scopes.addAll(java.util.List.of(t.scope().trim().split("\\s+")));
            }
          }
          return null;
        });
    scopes.addAll(java.util.List.of(asked.split("\\s+")));
    scopes.remove("");
    return String.join(" ", scopes);
  }

  private static Reply errorPage(int status, String error, String description) {
    String html =
        "<!DOCTYPE html><html><head><title>Error "
            + status
            + ": "
            + error
            + "</title></head><body>"
            + "<h1>Access blocked: authorization error</h1><p>Error "
            + status
            + ": "
            + error
            + "</p><p>"
            + escape(description)
            + "</p></body></html>";
    return Reply.text(status, "text/html; charset=UTF-8", html);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  // ---- token endpoint ----

  private record ClientCredentials(String clientId, String clientSecret) {}

  private Reply token(ApiRequest request) throws IOException {
    QueryParameters form = request.formBody();
    ClientCredentials credentials = credentials(request, form);
    String grantType =
        form.first("grant_type")
            .orElseThrow(
                () ->
                    ApiError.of(400, "invalid_request", "Missing required parameter: grant_type"));
    return switch (grantType) {
      case "authorization_code" -> exchangeCode(form, credentials);
      case "refresh_token" -> refresh(form, credentials);
      default ->
          throw ApiError.of(400, "unsupported_grant_type", "Invalid grant_type: " + grantType);
    };
  }

  private static ClientCredentials credentials(ApiRequest request, QueryParameters form) {
    Optional<String> authorization = request.header("Authorization");
    if (authorization.isPresent() && authorization.get().regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(authorization.get().substring(6).trim()),
                StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0) {
          return new ClientCredentials(
              URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
              URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
        }
      } catch (IllegalArgumentException e) {
        throw ApiError.of(401, "invalid_client", "Malformed Basic authorization header.");
      }
    }
    return new ClientCredentials(
        form.first("client_id").orElse(""), form.first("client_secret").orElse(null));
  }

  /** Checks the client against the registered ones (any client while none is registered). */
  private static void authenticate(EmulatorState state, ClientCredentials credentials) {
    if (credentials.clientId().isBlank()) {
      throw ApiError.of(401, "invalid_client", "The OAuth client was not found.");
    }
    if (state.oauthClients().isEmpty()) {
      return;
    }
    OAuthClient client = state.oauthClients().get(credentials.clientId());
    if (client == null) {
      throw ApiError.of(401, "invalid_client", "The OAuth client was not found.");
    }
    if (client.clientSecret() != null
        && !client.clientSecret().equals(credentials.clientSecret())) {
      throw ApiError.of(401, "invalid_client", "Unauthorized");
    }
  }

  private Reply exchangeCode(QueryParameters form, ClientCredentials credentials) {
    String code =
        form.first("code")
            .orElseThrow(
                () -> ApiError.of(400, "invalid_request", "Missing required parameter: code"));
    Optional<String> verifier = form.first("code_verifier");
    String redirectUri = form.first("redirect_uri").orElse("");
    Instant now = clock.instant();
    JsonObject answer =
        store.write(
            state -> {
              authenticate(state, credentials);
              AuthorizationCode issued = state.authorizationCodes().get(code);
              if (issued == null) {
                throw ApiError.of(400, "invalid_grant", "Malformed auth code.");
              }
              if (issued.used() || !issued.expiresAt().isAfter(now)) {
                throw ApiError.of(
                    400,
                    "invalid_grant",
                    "Bad Request: the authorization code was already used or has expired.");
              }
              if (!issued.clientId().equals(credentials.clientId())) {
                throw ApiError.of(
                    400,
                    "invalid_grant",
                    "Bad Request: the authorization code was issued to another client.");
              }
              if (!issued.redirectUri().equals(redirectUri)) {
                throw ApiError.of(
                    400,
                    "redirect_uri_mismatch",
                    "Bad Request: redirect_uri does not match the authorization request.");
              }
              if (verifier.isEmpty()) {
                throw ApiError.of(400, "invalid_grant", "Missing code verifier.");
              }
              if (!Pkce.matches(verifier.get(), issued.codeChallenge())) {
                throw ApiError.of(400, "invalid_grant", "Invalid code verifier.");
              }
              state.authorizationCodes().put(code, issued.redeemed());
              return issuePair(state, issued.clientId(), issued.scope(), now);
            });
    return Reply.json(200, answer);
  }

  private JsonObject issuePair(EmulatorState state, String clientId, String scope, Instant now) {
    IssuedToken refresh =
        new IssuedToken(
            RandomIds.next("1//0g", 100),
            IssuedToken.Kind.REFRESH,
            clientId,
            scope,
            null,
            null,
            false);
    state.tokens().put(refresh.value(), refresh);
    JsonObject answer = issueAccess(state, refresh, now);
    answer.addProperty("refresh_token", refresh.value());
    return answer;
  }

  private JsonObject issueAccess(EmulatorState state, IssuedToken refresh, Instant now) {
    Instant stale = now.minus(Duration.ofDays(1));
    state
        .tokens()
        .removeIf(t -> t.kind() == IssuedToken.Kind.ACCESS && t.expiresAt().isBefore(stale));
    IssuedToken access =
        new IssuedToken(
            RandomIds.next("ya29.", 150),
            IssuedToken.Kind.ACCESS,
            refresh.clientId(),
            refresh.scope(),
            now.plus(accessTokenTtl),
            refresh.value(),
            false);
    state.tokens().put(access.value(), access);
    JsonObject answer = new JsonObject();
    answer.addProperty("access_token", access.value());
    answer.addProperty("expires_in", accessTokenTtl.toSeconds());
    answer.addProperty("scope", access.scope());
    answer.addProperty("token_type", "Bearer");
    return answer;
  }

  private Reply refresh(QueryParameters form, ClientCredentials credentials) {
    String value =
        form.first("refresh_token")
            .orElseThrow(
                () ->
                    ApiError.of(
                        400, "invalid_request", "Missing required parameter: refresh_token"));
    Instant now = clock.instant();
    JsonObject answer =
        store.write(
            state -> {
              authenticate(state, credentials);
              IssuedToken refresh = state.tokens().get(value);
              if (refresh == null
                  || refresh.kind() != IssuedToken.Kind.REFRESH
                  || !refresh.isValidAt(now)) {
                throw ApiError.of(400, "invalid_grant", "Token has been expired or revoked.");
              }
              if (!refresh.clientId().equals(credentials.clientId())) {
                throw ApiError.of(
                    401,
                    "unauthorized_client",
                    "Unauthorized: the refresh token belongs to another client.");
              }
              return issueAccess(state, refresh, now);
            });
    return Reply.json(200, answer);
  }

  // ---- revocation ----

  private Reply revoke(ApiRequest request) throws IOException {
    QueryParameters all = request.query().merge(request.formBody());
    String value = all.first("token").orElse("");
    boolean revoked = store.write(state -> revokeChain(state, value));
    if (!revoked) {
      throw ApiError.of(400, "invalid_token", "Token expired or revoked");
    }
    return Reply.json(200, new JsonObject());
  }

  private static boolean revokeChain(EmulatorState state, String value) {
    IssuedToken token = state.tokens().get(value);
    if (token == null || token.revoked()) {
      return false;
    }
    String refresh =
        token.kind() == IssuedToken.Kind.REFRESH ? token.value() : token.refreshToken();
    state.tokens().put(value, token.revokedCopy());
    if (refresh != null) {
      state
          .tokens()
          .replaceAll(
              (k, t) ->
                  k.equals(refresh) || refresh.equals(t.refreshToken()) ? t.revokedCopy() : t);
    }
    return true;
  }

  private Reply revokeAll(ApiRequest request) {
    int count =
        store.write(
            state -> {
              int n = (int) state.tokens().values().stream().filter(t -> !t.revoked()).count();
              state.tokens().replaceAll((k, t) -> t.revokedCopy());
              state.authorizationCodes().replaceAll((k, c) -> c.redeemed());
              return n;
            });
    JsonObject answer = new JsonObject();
    answer.addProperty("revoked", count);
    return Reply.json(200, answer);
  }

  // ---- emulator control ----

  private Reply registerClient(ApiRequest request) throws IOException {
    JsonObject body = request.jsonBody();
    String clientId =
        Json.string(body, "client_id")
            .filter(s -> !s.isBlank())
            .orElseThrow(() -> ApiError.badRequest("Missing client_id."));
    String secret = Json.string(body, "client_secret").orElse(null);
    store.write(state -> state.oauthClients().put(clientId, new OAuthClient(clientId, secret)));
    JsonObject answer = new JsonObject();
    answer.addProperty("client_id", clientId);
    return Reply.json(200, answer);
  }

  private Reply mint(ApiRequest request) throws IOException {
    JsonObject body = request.jsonBody();
    String clientId = Json.string(body, "client_id").orElse("emulator-client");
    String scope =
        Json.string(body, "scope")
            .orElse(
                "https://www.googleapis.com/auth/drive.file"
                    + " https://www.googleapis.com/auth/photoslibrary.appendonly");
    Instant now = clock.instant();
    JsonObject answer = store.write(state -> issuePair(state, clientId, scope, now));
    return Reply.json(200, answer);
  }
}
