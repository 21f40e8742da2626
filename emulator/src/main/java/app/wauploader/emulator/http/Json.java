package app.wauploader.emulator.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Wire JSON: one Gson instance and the small accessors every route handler needs. */
public final class Json {
  /** Compact output, no HTML escaping (Google's APIs don't escape {@code =} or {@code <}). */
  public static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private Json() {}

  /**
   * Parses a JSON object; an empty or blank text is an empty object.
   *
   * @throws ApiError 400 when the text is not a JSON object
   */
  public static JsonObject parseObject(String text) {
    if (text.isBlank()) {
      return new JsonObject();
    }
    try {
      JsonElement element = JsonParser.parseString(text);
      if (!element.isJsonObject()) {
        throw ApiError.of(400, "parseError", "Invalid JSON payload received: expected an object.");
      }
      return element.getAsJsonObject();
    } catch (JsonParseException e) {
      throw ApiError.of(400, "parseError", "Invalid JSON payload received: " + e.getMessage());
    }
  }

  /** The string member {@code name}, absent when missing or JSON null. */
  public static Optional<String> string(JsonObject object, String name) {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return Optional.empty();
    }
    if (!value.isJsonPrimitive()) {
      throw ApiError.badRequest("Invalid value for field '" + name + "': expected a string.");
    }
    return Optional.of(value.getAsString());
  }

  /** The object member {@code name}, absent when missing or JSON null. */
  public static Optional<JsonObject> object(JsonObject object, String name) {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return Optional.empty();
    }
    if (!value.isJsonObject()) {
      throw ApiError.badRequest("Invalid value for field '" + name + "': expected an object.");
    }
    return Optional.of(value.getAsJsonObject());
  }

  /** The array member {@code name}; empty when missing or JSON null. */
  public static JsonArray array(JsonObject object, String name) {
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      return new JsonArray();
    }
    if (!value.isJsonArray()) {
      throw ApiError.badRequest("Invalid value for field '" + name + "': expected an array.");
    }
    return value.getAsJsonArray();
  }

  /** The string elements of array member {@code name}; empty when missing. */
  public static List<String> strings(JsonObject object, String name) {
    List<String> out = new ArrayList<>();
    for (JsonElement element : array(object, name)) {
      if (!element.isJsonPrimitive()) {
        throw ApiError.badRequest("Invalid value in '" + name + "': expected strings.");
      }
      out.add(element.getAsString());
    }
    return out;
  }

  /** A JSON array of strings. */
  public static JsonArray arrayOf(Iterable<String> values) {
    JsonArray array = new JsonArray();
    values.forEach(array::add);
    return array;
  }
}
