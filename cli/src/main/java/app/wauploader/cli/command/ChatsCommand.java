package app.wauploader.cli.command;

import app.wauploader.cli.AppDirs;
import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import app.wauploader.core.app.BackupEnvironment;
import app.wauploader.core.app.Chats;
import app.wauploader.core.auth.AccessTokens;
import app.wauploader.core.chat.Attachment;
import app.wauploader.core.chat.ChatExport;
import app.wauploader.core.chat.ChatExportFile;
import app.wauploader.core.chat.ChatImport;
import app.wauploader.core.google.GoogleEndpoints;
import app.wauploader.core.source.LocalFileSource;
import app.wauploader.core.source.MediaSource;
import app.wauploader.core.source.WhatsAppLocations;
import app.wauploader.db.ChatSummary;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chats}: read WhatsApp chat exports so each chat's media go to the chat's album/folder. */
@Command(
    name = "chats",
    mixinStandardHelpOptions = true,
    description =
        "WhatsApp chat exports (\"Export chat\" in WhatsApp: a .txt, or a .zip with media): import them so each chat's photos go to a Google Photos album \"WhatsApp · <chat>\" and its documents to the Drive folder WhatsApp/Chats/<chat>.",
    subcommands = {
      ChatsCommand.Import.class,
      ChatsCommand.ListChats.class,
      ChatsCommand.Inspect.class
    })
public final class ChatsCommand {
  /** {@code chats import FILE…}. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Store chat exports (needs no Google and no media). Attachments are looked for inside each export and, by file name, in the media folders (--source, or WhatsApp's standard folders when they exist). Importing a newer export of a chat again adds only what is new. The next 'wa-uploader upload' files the chat's media, sending nothing already in Google.")
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption database;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Chat exports, .txt or .zip.")
    List<Path> exports;

    @Option(
        names = "--chat-name",
        paramLabel = "NAME",
        description = "The chat's name, instead of the one in the file name (for every FILE).")
    String chatName;

    @Option(
        names = "--source",
        paramLabel = "DIR",
        description =
            "Media folder(s) to look for the attachments in (repeatable). Default: the standard"
                + " WhatsApp locations that exist.")
    List<Path> sources = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      List<Chats.Result> results =
          chats(database)
              .importExports(
                  exports, name(chatName), mediaFolders(sources, AppDirs.fromEnvironment()));
      int failed = 0;
      for (Chats.Result r : results) {
        if (r instanceof Chats.Imported imported) {
          out.println(line(imported.chat()));
          imported.chat().warnings().forEach(w -> err.println("  note: " + w));
        } else if (r instanceof Chats.Failed f) {
          failed++;
          err.println("wa-uploader: " + f.reason().getMessage());
        }
      }
      out.flush();
      err.flush();
      return failed == 0 ? 0 : ExitCode.INPUT.code();
    }
  }

  /** {@code chats list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "The imported chats: messages, attachments, and how many of them were found.")
  static final class ListChats implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption database;

    @Option(
        names = "--json",
        description =
            "Print a JSON array [{\"id\",\"name\",\"messages\",\"attachments\",\"found\"}].")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<ChatSummary> chats = chats(database).list();
      if (json) {
        JsonArray array = new JsonArray();
        for (ChatSummary c : chats) {
          JsonObject o = new JsonObject();
          o.addProperty("id", c.chat().id());
          o.addProperty("name", c.chat().name());
          o.addProperty("messages", c.messages());
          o.addProperty("attachments", c.attachments());
          o.addProperty("found", c.found());
          array.add(o);
        }
        out.println(new GsonBuilder().disableHtmlEscaping().create().toJson(array));
      } else if (chats.isEmpty()) {
        out.println(
            "no chats imported yet: 'wa-uploader chats import \"WhatsApp Chat with X.txt\"'");
      } else {
        out.printf("%-16s %-30s %9s %12s %6s%n", "id", "chat", "messages", "attachments", "found");
        for (ChatSummary c : chats) {
          out.printf(
              "%-16s %-30s %9d %12d %6d%n",
              c.chat().id(), cut(c.chat().name(), 30), c.messages(), c.attachments(), c.found());
        }
      }
      out.flush();
      return 0;
    }
  }

  /** {@code chats inspect FILE}. */
  @Command(
      name = "inspect",
      mixinStandardHelpOptions = true,
      description = "Read a chat export and show what it holds; nothing is stored.")
  static final class Inspect implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A chat export, .txt or .zip.")
    Path export;

    @Option(names = "--chat-name", paramLabel = "NAME", description = "The chat's name.")
    String chatName;

    @Option(
        names = "--json",
        description =
            "Print {\"chat\",\"format\",\"messages\",\"senders\",\"first\",\"last\","
                + "\"attachments\":[{\"name\",\"time\",\"sender\"}]}; times ISO 8601 with offset.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      ChatExportFile file = chats(null).inspect(export, name(chatName));
      ChatExport chat = file.chat();
      if (json) {
        JsonObject o = new JsonObject();
        o.addProperty("chat", chat.chat());
        o.addProperty("format", chat.format().id());
        o.addProperty("messages", chat.messages().size());
        JsonArray senders = new JsonArray();
        chat.senders().forEach(senders::add);
        o.add("senders", senders);
        o.addProperty("first", chat.first().map(ChatsCommand::iso).orElse(null));
        o.addProperty("last", chat.last().map(ChatsCommand::iso).orElse(null));
        JsonArray attachments = new JsonArray();
        for (Attachment a : chat.attachments()) {
          JsonObject item = new JsonObject();
          item.addProperty("name", a.name());
          item.addProperty("time", iso(a.time()));
          item.addProperty("sender", a.sender());
          attachments.add(item);
        }
        o.add("attachments", attachments);
        JsonArray warnings = new JsonArray();
        chat.warnings().forEach(warnings::add);
        o.add("warnings", warnings);
        out.println(new GsonBuilder().disableHtmlEscaping().serializeNulls().create().toJson(o));
      } else {
        out.printf(
            "%s: %d messages from %d senders, %d attachments%s (%s export)%n",
            chat.chat(),
            chat.messages().size(),
            chat.senders().size(),
            chat.attachments().size(),
            file.isArchive() ? ", " + file.zipEntries().size() + " files inside" : "",
            chat.format().id());
        chat.first()
            .ifPresent(f -> out.printf("from %s to %s%n", iso(f), iso(chat.last().orElseThrow())));
        chat.warnings().forEach(w -> out.println("note: " + w));
      }
      out.flush();
      return 0;
    }
  }

  /**
   * One line for an import: {@code Family: 214 messages, 37 attachments (35 found in the media
   * folders, 2 missing)}.
   */
  static String line(ChatImport c) {
    StringBuilder where = new StringBuilder();
    if (c.insideExport() > 0) {
      where.append(
          c.insideExport() == c.attachments()
              ? "inside the export"
              : c.insideExport() + " inside the export");
    }
    if (c.inFolders() > 0) {
      where
          .append(where.length() > 0 ? ", " : "")
          .append(c.inFolders())
          .append(" found in the media folders");
    }
    if (c.missing() > 0) {
      where
          .append(where.length() > 0 ? ", " : "")
          .append(c.missing())
          .append(
              c.foldersSearched() || c.insideExport() > 0
                  ? " missing"
                  : " not looked for: no media folder (--source DIR)");
    }
    String news =
        c.newMessages() < c.messages()
            ? "; " + c.newMessages() + " new messages, " + c.newAttachments() + " new attachments"
            : "";
    return c.chat()
        + ": "
        + c.messages()
        + " messages, "
        + c.attachments()
        + " attachments"
        + (where.length() > 0 ? " (" + where + ")" : "")
        + news;
  }

  /** {@code name} cut to {@code width} characters for a table column. */
  static String cut(String name, int width) {
    return name.length() <= width ? name : name.substring(0, width - 1) + "…";
  }

  /** The media folders to look for attachments in: given, else WhatsApp's that exist. */
  static List<MediaSource> mediaFolders(List<Path> given, AppDirs dirs) {
    List<Path> folders = given.isEmpty() ? WhatsAppLocations.existing(dirs.home()) : given;
    return folders.isEmpty() ? List.of() : List.of(new LocalFileSource(folders));
  }

  /** The chats facade over {@code database} (needs no sign-in); null for parsing only. */
  static Chats chats(DatabaseOption database) {
    Path db = database == null ? Paths.get("unused.db") : database.path();
    return new Chats(
        BackupEnvironment.google(
            db, AccessTokens.NONE, GoogleEndpoints.google(), TransferOptions.thisProcess()),
        Locale.getDefault(),
        ZoneId.systemDefault());
  }

  static Optional<String> name(String chatName) {
    if (chatName != null && chatName.isBlank()) {
      throw new UserError(ExitCode.USAGE, "--chat-name needs a name, not ''");
    }
    return Optional.ofNullable(chatName).map(String::strip);
  }

  private static String iso(LocalDateTime time) {
    return time.atZone(ZoneId.systemDefault()).toOffsetDateTime().toString();
  }
}
