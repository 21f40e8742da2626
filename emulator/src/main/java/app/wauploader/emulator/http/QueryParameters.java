package app.wauploader.emulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decoded {@code application/x-www-form-urlencoded} pairs: a URL query or a form body.
 *
 * @param values name to values in arrival order
 */
public record QueryParameters(Map<String, List<String>> values) {
  public QueryParameters {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    values = Collections.unmodifiableMap(copy);
  }

  public static QueryParameters empty() {
    return new QueryParameters(Map.of());
  }

  /** Parses a raw (still percent-encoded) query or form body; null or empty gives no pairs. */
  public static QueryParameters parse(String raw) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    return new QueryParameters(values);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("Malformed percent-encoding in '" + text + "'.");
    }
  }

  /** These pairs followed by {@code other}'s (both kept for names present in both). */
  public QueryParameters merge(QueryParameters other) {
    Map<String, List<String>> merged = new LinkedHashMap<>();
    values.forEach((k, v) -> merged.put(k, new ArrayList<>(v)));
    other.values.forEach((k, v) -> merged.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    return new QueryParameters(merged);
  }

  /** The first value of {@code name}. */
  public Optional<String> first(String name) {
    List<String> all = values.get(name);
    return all == null || all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** All values of {@code name}; empty when absent. */
  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }
}
