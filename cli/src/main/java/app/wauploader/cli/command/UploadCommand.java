package app.wauploader.cli.command;

import app.wauploader.cli.AppDirs;
import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import app.wauploader.core.app.Backups;
import app.wauploader.core.app.Chats;
import app.wauploader.core.chat.ChatImport;
import app.wauploader.core.source.LocalFileSource;
import app.wauploader.core.source.MediaSource;
import app.wauploader.core.source.ScanOptions;
import app.wauploader.core.source.Selection;
import app.wauploader.core.source.WhatsAppLocations;
import app.wauploader.core.source.ZipArchiveSource;
import app.wauploader.core.upload.RunSummary;
import app.wauploader.core.upload.UploadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code upload}: back up WhatsApp media (the main job). */
@Command(
    name = "upload",
    mixinStandardHelpOptions = true,
    description =
        "Back up WhatsApp media: photos/videos to Google Photos albums, the rest to Google Drive folders WhatsApp/<media folder>. Files already uploaded (same SHA-256) are skipped; interrupted uploads resume where the server stopped.")
public final class UploadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DatabaseOption database;
  @Mixin TransferOptions transfer;

  @Option(
      names = "--source",
      paramLabel = "DIR|ZIP",
      description =
          "WhatsApp media folder(s) to back up, or .zip archives (a chat export) read in place"
              + " (repeatable). Default: the standard WhatsApp and WhatsApp Business locations"
              + " that exist.")
  List<String> sources = new ArrayList<>();

  @Option(
      names = "--chat",
      paramLabel = "NAME",
      description =
          "Back up only the media of this imported chat (its name or id, see 'wa-uploader chats"
              + " list'), in a session for that chat.")
  String chat;

  @Option(
      names = "--chat-export",
      paramLabel = "FILE",
      description =
          "Import this chat export (.txt, or .zip with media), then back up its attachments: from"
              + " inside the .zip, or found in --source / the standard WhatsApp folders.")
  Path chatExport;

  @Option(names = "--include-statuses", description = "Also back up viewed statuses (.Statuses).")
  boolean includeStatuses;

  @Option(names = "--include-stickers", description = "Also back up WhatsApp Stickers.")
  boolean includeStickers;

  @Option(names = "--include-profile-photos", description = "Also back up WhatsApp Profile Photos.")
  boolean includeProfilePhotos;

  @Option(
      names = "--include",
      paramLabel = "GLOB",
      description =
          "Only files matching this glob (repeatable): without '/' it matches the file name"
              + " ('*.jpg'), with '/' the media folder and name ('WhatsApp Images/**'). Case is"
              + " ignored.")
  List<String> include = new ArrayList<>();

  @Option(
      names = "--exclude",
      paramLabel = "GLOB",
      description = "Skip files matching this glob (repeatable; same rules as --include).")
  List<String> exclude = new ArrayList<>();

  @Option(
      names = "--max-size",
      paramLabel = "SIZE",
      description = "Skip files larger than this: bytes, or with K, M, G (e.g. 500M).")
  String maxSize;

  @Option(
      names = "--newer-than",
      paramLabel = "AGE",
      description =
          "Only files that arrived within this long (by modification time): 12h, 30d, 8w, 6m, 2y.")
  String newerThan;

  @Option(
      names = "--order",
      paramLabel = "ORDER",
      defaultValue = "whatsapp",
      description =
          "Which files go first: whatsapp (default: photos, then other files, then videos, videos"
              + " over 100 MiB last; newest first in each), newest, oldest, smallest, listed (as"
              + " found: uploads start while the listing goes on).")
  String order;

  /** The files this run takes, from --include/--exclude/--max-size/--newer-than/--order. */
  Selection selection() {
    try {
      return new Selection(
          include,
          exclude,
          maxSize == null ? 0 : Amounts.bytes(maxSize, "--max-size"),
          Optional.ofNullable(newerThan).map(a -> Amounts.age(a, "--newer-than")),
          Selection.Order.parse(order));
    } catch (IllegalArgumentException e) {
      throw new UserError(ExitCode.USAGE, e.getMessage());
    }
  }

  @Override
  public Integer call() throws Exception {
    AppDirs dirs = AppDirs.fromEnvironment();
    if (chat != null && chatExport != null) {
      throw new UserError(ExitCode.USAGE, "give --chat or --chat-export, not both");
    }
    if (chatExport != null && transfer.dryRun) {
      throw new UserError(
          ExitCode.USAGE,
          "--chat-export stores the chat, which a dry run never does: see the export with"
              + " 'wa-uploader chats inspect FILE', or import it with 'wa-uploader chats import"
              + " FILE' and plan with 'upload --chat NAME --dry-run'");
    }
    if (chatExport != null && !Files.isRegularFile(chatExport)) {
      throw new UserError(ExitCode.INPUT, "no chat export at " + chatExport);
    }
    boolean exportArchive = chatExport != null && isZip(chatExport);
    // The sources are settled (and the media folders required) before the chat is stored.
    List<MediaSource> media = media(dirs, exportArchive);
    Optional<String> chatId = chatExport != null ? importExport(dirs, exportArchive) : chat(chat);
    UploadOptions options =
        transfer
            .options()
            .withScan(
                new ScanOptions(
                    includeStatuses, includeStickers, includeProfilePhotos, selection()))
            .withChat(chatId);
    Backups backups = transfer.backups(dirs, database.path());
    RunSummary summary =
        transfer.run(
            spec,
            options,
            (control, listener) -> backups.backup(media, options, control, listener));
    return ExitCode.of(summary).code();
  }

  /** The id of the imported chat {@code name} names, if one is given. */
  private Optional<String> chat(String name) {
    if (name == null) {
      return Optional.empty();
    }
    if (name.isBlank()) {
      throw new UserError(ExitCode.USAGE, "--chat needs a chat's name or id, not a blank");
    }
    return Optional.of(
        ChatsCommand.chats(database)
            .find(name.strip())
            .orElseThrow(
                () ->
                    new UserError(
                        ExitCode.USAGE,
                        "no chat '"
                            + name.strip()
                            + "' is imported: import its export first ('wa-uploader chats import"
                            + " FILE'; 'wa-uploader chats list' shows the chats)"))
            .id());
  }

  /** Imports --chat-export; the id of its chat. */
  private Optional<String> importExport(AppDirs dirs, boolean archive) throws IOException {
    List<Path> folders = folderSources();
    List<Chats.Result> results =
        ChatsCommand.chats(database)
            .importExports(
                List.of(chatExport),
                Optional.empty(),
                archive && folders.isEmpty()
                    ? List.of()
                    : ChatsCommand.mediaFolders(folders, dirs));
    Chats.Result result = results.get(0);
    if (result instanceof Chats.Failed failed) {
      throw failed.reason();
    }
    ChatImport imported = ((Chats.Imported) result).chat();
    spec.commandLine().getOut().println(ChatsCommand.line(imported));
    return Optional.of(imported.chatId());
  }

  /** True for a ZIP archive: named {@code .zip}, or starting with a ZIP signature. */
  private static boolean isZip(Path file) throws IOException {
    if (file.toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
      return true;
    }
    byte[] head = new byte[4];
    try (InputStream in = Files.newInputStream(file)) {
      int n = in.readNBytes(head, 0, 4);
      return n == 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5);
    }
  }

  private List<Path> folderSources() {
    List<Path> folders = new ArrayList<>();
    for (String source : sources) {
      if (!source.toLowerCase(Locale.ROOT).endsWith(".zip")) {
        folders.add(Paths.get(source));
      }
    }
    return folders;
  }

  /**
   * The sources: each --source a folder or a .zip archive (a .zip --chat-export is one); with no
   * folder given, the standard WhatsApp folders, unless the only source is a .zip chat export,
   * which holds its media itself.
   */
  private List<MediaSource> media(AppDirs dirs, boolean exportArchive) {
    List<MediaSource> media = new ArrayList<>();
    if (exportArchive) {
      media.add(new ZipArchiveSource(chatExport));
    }
    List<Path> folders = new ArrayList<>();
    for (String source : sources) {
      if (source.trim().isEmpty()) {
        throw new UserError(ExitCode.USAGE, "--source needs a folder or a .zip file, not ''");
      }
      Path path = Paths.get(source);
      if (source.toLowerCase(Locale.ROOT).endsWith(".zip") && !Files.isDirectory(path)) {
        media.add(new ZipArchiveSource(path));
      } else {
        folders.add(path);
      }
    }
    if (folders.isEmpty() && media.isEmpty()) {
      folders.addAll(
          UploadRunner.requireRoots(
              WhatsAppLocations.existing(dirs.home()), WhatsAppLocations.candidates(dirs.home())));
    }
    if (!folders.isEmpty()) {
      media.add(0, new LocalFileSource(folders));
    }
    return media;
  }
}
