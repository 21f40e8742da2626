package app.wauploader.emulator.drive;

import app.wauploader.emulator.http.ApiError;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Drive {@code fields} selector such as {@code id,name,appProperties} or {@code
 * nextPageToken,files(id,shortcutDetails/targetId)}: v3 answers only the fields asked for, and a
 * request without {@code fields} gets the defaults ({@code kind,id,name,mimeType} for a file)
 * (https://developers.google.com/workspace/drive/api/guides/fields-parameter). {@code *} selects
 * everything at its level. Syntax errors and unknown top-level File fields are 400 {@code
 * invalidParameter} "Invalid field selection …", as Drive answers them.
 */
final class FieldMask {
  /** Default fields of a File answer. */
  static final String FILE_DEFAULT = "kind,id,name,mimeType";

  /** Default fields of a files.list answer. */
  static final String LIST_DEFAULT =
      "kind,incompleteSearch,nextPageToken,files(" + FILE_DEFAULT + ")";

  /** Field name to sub-mask; a null value selects the whole field. */
  private final Map<String, FieldMask> children;

  private FieldMask(Map<String, FieldMask> children) {
    this.children = children;
  }

  /** The selector {@code fields}, or {@code defaults} when absent. */
  static FieldMask of(Optional<String> fields, String defaults) {
    String text = fields.map(String::trim).filter(f -> !f.isEmpty()).orElse(defaults);
    Parser parser = new Parser(text);
    FieldMask mask = parser.list();
    if (parser.pos != text.length()) {
      throw invalid(text);
    }
    return mask;
  }

  private static ApiError invalid(String selection) {
    return ApiError.of(400, "invalidParameter", "Invalid field selection " + selection);
  }

  /** Throws 400 when a top-level name is neither {@code *} nor in {@code known}. */
  FieldMask requireKnown(java.util.Set<String> known) {
    for (String name : children.keySet()) {
      if (!name.equals("*") && !known.contains(name)) {
        throw invalid(name);
      }
    }
    return this;
  }

  /** The sub-mask of {@code field} (e.g. {@code files}); "everything" when selected whole. */
  Optional<FieldMask> child(String field) {
    if (children.containsKey("*")) {
      return Optional.of(new FieldMask(Map.of("*", null)));
    }
    if (!children.containsKey(field)) {
      return Optional.empty();
    }
    FieldMask sub = children.get(field);
    return Optional.of(sub == null ? new FieldMask(Map.of("*", null)) : sub);
  }

  /** A copy of {@code json} with only the selected fields (arrays are masked element-wise). */
  JsonObject apply(JsonObject json) {
    if (children.containsKey("*") && children.get("*") == null) {
      return json.deepCopy();
    }
    JsonObject out = new JsonObject();
    for (Map.Entry<String, JsonElement> entry : json.entrySet()) {
      String name = entry.getKey();
      FieldMask sub = children.containsKey(name) ? children.get(name) : children.get("*");
      if (!children.containsKey(name) && !children.containsKey("*")) {
        continue;
      }
      out.add(name, sub == null ? entry.getValue().deepCopy() : sub.applyTo(entry.getValue()));
    }
    return out;
  }

  private JsonElement applyTo(JsonElement value) {
    if (value.isJsonObject()) {
      return apply(value.getAsJsonObject());
    }
    if (value.isJsonArray()) {
      JsonArray out = new JsonArray();
      for (JsonElement e : value.getAsJsonArray()) {
        out.add(applyTo(e));
      }
      return out;
    }
    return value.deepCopy();
  }

  private static final class Parser {
    private final String text;
    private int pos;

    Parser(String text) {
      this.text = text;
    }

    FieldMask list() {
      Map<String, FieldMask> fields = new LinkedHashMap<>();
      do {
        skipSpaces();
        String name = name();
        FieldMask sub = null;
        if (peek('/')) {
          pos++;
          Map<String, FieldMask> one = new LinkedHashMap<>();
          Parser rest = this;
          FieldMask inner = rest.single();
          one.putAll(inner.children);
          sub = new FieldMask(one);
        } else if (peek('(')) {
          pos++;
          sub = list();
          if (!peek(')')) {
            throw invalid(text);
          }
          pos++;
        }
        merge(fields, name, sub);
        skipSpaces();
      } while (peek(',') && ++pos > 0);
      return new FieldMask(fields);
    }

    /** One path (after a {@code /}): a name with its own {@code /} or {@code (…)} tail. */
    private FieldMask single() {
      String name = name();
      FieldMask sub = null;
      if (peek('/')) {
        pos++;
        sub = single();
      } else if (peek('(')) {
        pos++;
        sub = list();
        if (!peek(')')) {
          throw invalid(text);
        }
        pos++;
      }
      Map<String, FieldMask> one = new LinkedHashMap<>();
      one.put(name, sub);
      return new FieldMask(one);
    }

    private static void merge(Map<String, FieldMask> fields, String name, FieldMask sub) {
      if (!fields.containsKey(name)) {
        fields.put(name, sub);
        return;
      }
      FieldMask existing = fields.get(name);
      if (existing == null || sub == null) {
        fields.put(name, null);
        return;
      }
      Map<String, FieldMask> both = new LinkedHashMap<>(existing.children);
      sub.children.forEach((k, v) -> merge(both, k, v));
      fields.put(name, new FieldMask(both));
    }

    private String name() {
      int start = pos;
      while (pos < text.length()
          && (Character.isLetterOrDigit(text.charAt(pos))
              || text.charAt(pos) == '_'
              || text.charAt(pos) == '*')) {
        pos++;
      }
      if (start == pos) {
        throw invalid(text);
      }
      return text.substring(start, pos);
    }

    private boolean peek(char c) {
      return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpaces() {
      while (pos < text.length() && text.charAt(pos) == ' ') {
        pos++;
      }
    }
  }
}
