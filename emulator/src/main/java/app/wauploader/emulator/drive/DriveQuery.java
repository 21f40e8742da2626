package app.wauploader.emulator.drive;

import app.wauploader.emulator.http.ApiError;
import app.wauploader.emulator.http.Rfc3339;
import app.wauploader.emulator.store.StoredDriveFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The subset of Drive's {@code q} search language the emulator understands
 * (https://developers.google.com/workspace/drive/api/guides/ref-search-terms):
 *
 * <ul>
 *   <li>{@code name = 'x'}, {@code name != 'x'}, {@code name contains 'x'}
 *   <li>{@code mimeType = 'x'}, {@code mimeType != 'x'}, {@code mimeType contains 'x'}
 *   <li>{@code trashed = true|false}, {@code starred = false}
 *   <li>{@code 'id' in parents} ({@code 'root'} means My Drive, {@code 'appDataFolder'} the
 *       application data folder)
 *   <li>{@code appProperties has { key='k' and value='v' }}
 *   <li>{@code createdTime} / {@code modifiedTime} with {@code = != < <= > >=} and an RFC 3339
 *       string
 *   <li>{@code fullText contains 'x'} (matched against name and description)
 * </ul>
 *
 * joined with {@code and}, {@code or}, {@code not} and parentheses. Strings use single quotes;
 * {@code \'} and {@code \\} escape. Anything else is rejected with 400 {@code invalid}.
 */
public final class DriveQuery {
  private final List<Token> tokens;
  private final String rootId;
  private final String text;
  private int position;

  private enum Kind {
    STRING,
    WORD,
    OPERATOR,
    PUNCT,
    END
  }

  private record Token(Kind kind, String text) {}

  private DriveQuery(String text, String rootId) {
    this.text = text;
    this.rootId = rootId;
    this.tokens = tokenize(text);
  }

  /**
   * Parses {@code q} into a predicate over stored files.
   *
   * @param rootId the id {@code 'root'} stands for
   * @throws ApiError 400 {@code invalid} for syntax errors and unsupported terms
   */
  public static Predicate<StoredDriveFile> parse(String q, String rootId) {
    if (q == null || q.isBlank()) {
      return file -> true;
    }
    DriveQuery parser = new DriveQuery(q, rootId);
    Predicate<StoredDriveFile> predicate = parser.or();
    if (parser.peek().kind != Kind.END) {
      throw parser.error("unexpected '" + parser.peek().text + "'");
    }
    return predicate;
  }

  private ApiError error(String detail) {
    return ApiError.of(400, "invalid", "Invalid Value: q: " + detail + " in query: " + text);
  }

  private static List<Token> tokenize(String q) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < q.length()) {
      char c = q.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '"') {
        char quote = c;
        StringBuilder value = new StringBuilder();
        i++;
        boolean closed = false;
        while (i < q.length()) {
          char d = q.charAt(i);
          if (d == '\\' && i + 1 < q.length()) {
            value.append(q.charAt(i + 1));
            i += 2;
          } else if (d == quote) {
            closed = true;
            i++;
            break;
          } else {
            value.append(d);
            i++;
          }
        }
        if (!closed) {
          throw ApiError.of(400, "invalid", "Invalid Value: q: unterminated string in query: " + q);
        }
        out.add(new Token(Kind.STRING, value.toString()));
      } else if ("(){}".indexOf(c) >= 0) {
        out.add(new Token(Kind.PUNCT, String.valueOf(c)));
        i++;
      } else if (c == '!' || c == '<' || c == '>' || c == '=') {
        if (i + 1 < q.length() && q.charAt(i + 1) == '=' && c != '=') {
          out.add(new Token(Kind.OPERATOR, c + "="));
          i += 2;
        } else if (c == '!') {
          throw ApiError.of(400, "invalid", "Invalid Value: q: stray '!' in query: " + q);
        } else {
          out.add(new Token(Kind.OPERATOR, String.valueOf(c)));
          i++;
        }
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
        int start = i;
        while (i < q.length()
            && (Character.isLetterOrDigit(q.charAt(i))
                || q.charAt(i) == '_'
                || q.charAt(i) == '.')) {
          i++;
        }
        out.add(new Token(Kind.WORD, q.substring(start, i)));
      } else {
        throw ApiError.of(
            400, "invalid", "Invalid Value: q: unexpected character '" + c + "' in query: " + q);
      }
    }
    out.add(new Token(Kind.END, "end of query"));
    return out;
  }

  private Token peek() {
    return tokens.get(position);
  }

  private Token next() {
    Token token = tokens.get(position);
    if (token.kind != Kind.END) {
      position++;
    }
    return token;
  }

  private boolean acceptWord(String word) {
    Token token = peek();
    if (token.kind == Kind.WORD && token.text.equalsIgnoreCase(word)) {
      position++;
      return true;
    }
    return false;
  }

  private void expect(Kind kind, String value) {
    Token token = next();
    if (token.kind != kind || !token.text.equalsIgnoreCase(value)) {
      throw error("expected '" + value + "' but found '" + token.text + "'");
    }
  }

  private String expectString() {
    Token token = next();
    if (token.kind != Kind.STRING) {
      throw error("expected a quoted string but found '" + token.text + "'");
    }
    return token.text;
  }

  private Predicate<StoredDriveFile> or() {
    Predicate<StoredDriveFile> left = and();
    while (acceptWord("or")) {
      left = left.or(and());
    }
    return left;
  }

  private Predicate<StoredDriveFile> and() {
    Predicate<StoredDriveFile> left = unary();
    while (acceptWord("and")) {
      left = left.and(unary());
    }
    return left;
  }

  private Predicate<StoredDriveFile> unary() {
    if (acceptWord("not")) {
      return unary().negate();
    }
    if (peek().kind == Kind.PUNCT && peek().text.equals("(")) {
      next();
      Predicate<StoredDriveFile> inner = or();
      expect(Kind.PUNCT, ")");
      return inner;
    }
    return condition();
  }

  private Predicate<StoredDriveFile> condition() {
    Token first = next();
    if (first.kind == Kind.STRING) {
      expect(Kind.WORD, "in");
      Token field = next();
      if (field.kind == Kind.WORD && field.text.equals("parents")) {
        String parent =
            first.text.equals("root")
                ? rootId
                : first.text.equals(DriveSpaces.APP_DATA)
                    ? DriveSpaces.appDataId(rootId)
                    : first.text;
        return file -> file.parents().contains(parent);
      }
      throw error("unsupported collection '" + field.text + "' (only parents)");
    }
    if (first.kind != Kind.WORD) {
      throw error("expected a field name but found '" + first.text + "'");
    }
    String field = first.text;
    if (field.equals("appProperties") || field.equals("properties")) {
      expect(Kind.WORD, "has");
      expect(Kind.PUNCT, "{");
      expect(Kind.WORD, "key");
      expect(Kind.OPERATOR, "=");
      String key = expectString();
      expect(Kind.WORD, "and");
      expect(Kind.WORD, "value");
      expect(Kind.OPERATOR, "=");
      String value = expectString();
      expect(Kind.PUNCT, "}");
      if (field.equals("properties")) {
        return file ->
            false; // the emulator stores appProperties only; public properties are never set
      }
      return file -> value.equals(file.appProperties().get(key));
    }
    Token operator = next();
    String op;
    if (operator.kind == Kind.OPERATOR) {
      op = operator.text;
    } else if (operator.kind == Kind.WORD && operator.text.equalsIgnoreCase("contains")) {
      op = "contains";
    } else {
      throw error("expected an operator after '" + field + "' but found '" + operator.text + "'");
    }
    return switch (field) {
      case "name" -> stringCondition(op, StoredDriveFile::name);
      case "mimeType" -> stringCondition(op, StoredDriveFile::mimeType);
      case "fullText" -> {
        if (!op.equals("contains")) {
          throw error("fullText only supports 'contains'");
        }
        String needle = expectString().toLowerCase(Locale.ROOT);
        yield file ->
            file.name().toLowerCase(Locale.ROOT).contains(needle)
                || (file.description() != null
                    && file.description().toLowerCase(Locale.ROOT).contains(needle));
      }
      case "trashed" -> booleanCondition(op, StoredDriveFile::trashed);
      case "starred" -> booleanCondition(op, file -> false);
      case "createdTime" -> timeCondition(op, StoredDriveFile::createdTime);
      case "modifiedTime" -> timeCondition(op, StoredDriveFile::modifiedTime);
      default ->
          throw error(
              "unsupported field '"
                  + field
                  + "' (the emulator supports name, mimeType, trashed,"
                  + " starred, parents, appProperties, createdTime, modifiedTime, fullText)");
    };
  }

  private Predicate<StoredDriveFile> stringCondition(
      String op, java.util.function.Function<StoredDriveFile, String> getter) {
    String value = expectString();
    return switch (op) {
      case "=" -> file -> value.equals(getter.apply(file));
      case "!=" -> file -> !value.equals(getter.apply(file));
      case "contains" -> {
        String needle = value.toLowerCase(Locale.ROOT);
        yield file -> getter.apply(file).toLowerCase(Locale.ROOT).contains(needle);
      }
      default -> throw error("operator '" + op + "' is not supported for strings");
    };
  }

  private Predicate<StoredDriveFile> booleanCondition(
      String op, Predicate<StoredDriveFile> getter) {
    Token token = next();
    boolean value;
    if (token.kind == Kind.WORD && token.text.equalsIgnoreCase("true")) {
      value = true;
    } else if (token.kind == Kind.WORD && token.text.equalsIgnoreCase("false")) {
      value = false;
    } else {
      throw error("expected true or false but found '" + token.text + "'");
    }
    return switch (op) {
      case "=" -> file -> getter.test(file) == value;
      case "!=" -> file -> getter.test(file) != value;
      default -> throw error("operator '" + op + "' is not supported for booleans");
    };
  }

  private Predicate<StoredDriveFile> timeCondition(
      String op, java.util.function.Function<StoredDriveFile, Instant> getter) {
    Instant value = Rfc3339.parse(expectString(), "q");
    return switch (op) {
      case "=" -> file -> getter.apply(file).equals(value);
      case "!=" -> file -> !getter.apply(file).equals(value);
      case "<" -> file -> getter.apply(file).isBefore(value);
      case "<=" -> file -> !getter.apply(file).isAfter(value);
      case ">" -> file -> getter.apply(file).isAfter(value);
      case ">=" -> file -> !getter.apply(file).isBefore(value);
      default -> throw error("operator '" + op + "' is not supported for dates");
    };
  }
}
