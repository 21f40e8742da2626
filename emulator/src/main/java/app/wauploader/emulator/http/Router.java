package app.wauploader.emulator.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps (method, path) to a route. Paths are templates such as {@code /drive/v3/files/{fileId}} or
 * {@code /v1/albums/{albumId}:batchAddMediaItems}; a {@code {name}} segment matches one path
 * segment up to the next {@code /} or {@code :}. Routes are registered once at start-up; matching
 * is thread-safe afterwards.
 */
public final class Router {

  /**
   * A registered route.
   *
   * @param method HTTP method
   * @param template path template
   * @param api the named group (stats, faults, error shape)
   * @param contentBody true (for the given query) when the body is upload content: counted in
   *     {@code bytesReceived} and paced by the bandwidth limit
   * @param handler the handler
   */
  public record Route(
      String method,
      String template,
      ApiRoute api,
      Predicate<QueryParameters> contentBody,
      RouteHandler handler,
      Pattern pattern,
      List<String> parameterNames) {}

  /** Result of {@link #match}. */
  public sealed interface Match permits Found, MethodNotAllowed, NotFound {}

  /** A route matched; {@code parameters} holds the template segment values. */
  public record Found(Route route, Map<String, String> parameters) implements Match {}

  /** The path exists but not for this method. */
  public record MethodNotAllowed(ApiRoute api) implements Match {}

  /** No route has this path. */
  public record NotFound() implements Match {}

  private final List<Route> routes = new ArrayList<>();

  /** Registers a route whose body (if any) is not upload content. */
  public void add(String method, String template, ApiRoute api, RouteHandler handler) {
    addContent(method, template, api, query -> false, handler);
  }

  /** Registers a route whose body is upload content when {@code contentBody} says so. */
  public void addContent(
      String method,
      String template,
      ApiRoute api,
      Predicate<QueryParameters> contentBody,
      RouteHandler handler) {
    List<String> names = new ArrayList<>();
    StringBuilder regex = new StringBuilder();
    Matcher m = Pattern.compile("\\{(\\w+)}").matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start())));
      regex.append("([^/:]+)");
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    routes.add(
        new Route(
            method, template, api, contentBody, handler, Pattern.compile(regex.toString()), names));
  }

  /** Finds the route for {@code method} and decoded {@code path}. */
  public Match match(String method, String path) {
    Optional<ApiRoute> pathOnly = Optional.empty();
    for (Route route : routes) {
      Matcher m = route.pattern().matcher(path);
      if (!m.matches()) {
        continue;
      }
      if (!route.method().equals(method)) {
        pathOnly = Optional.of(route.api());
        continue;
      }
      Map<String, String> parameters = new LinkedHashMap<>();
      for (int i = 0; i < route.parameterNames().size(); i++) {
        parameters.put(route.parameterNames().get(i), m.group(i + 1));
      }
      return new Found(route, parameters);
    }
    return pathOnly.<Match>map(MethodNotAllowed::new).orElseGet(NotFound::new);
  }
}
