package app.wauploader.emulator.store;

import java.util.List;

/**
 * Everything the emulator remembers apart from blob bytes (see {@link EmulatorStore} for how it is
 * persisted). The tables may only be touched inside {@link EmulatorStore#read} or {@link
 * EmulatorStore#write} callbacks, which hold the store's lock. Callbacks that may fail should
 * validate before they mutate: there is no rollback.
 */
public final class EmulatorState {
  /** Bumped when the file layout changes incompatibly. */
  public static final int FORMAT_VERSION = 1;

  private String driveRootId;
  private final Table<StoredDriveFile> driveFiles =
      new Table<>("driveFiles", StoredDriveFile.class);
  private final Table<DriveUploadSession> driveSessions =
      new Table<>("driveSessions", DriveUploadSession.class);
  private final Table<PhotosUploadSession> photosSessions =
      new Table<>("photosSessions", PhotosUploadSession.class);
  private final Table<UploadToken> uploadTokens = new Table<>("uploadTokens", UploadToken.class);
  private final Table<StoredMediaItem> mediaItems =
      new Table<>("mediaItems", StoredMediaItem.class);
  private final Table<StoredAlbum> albums = new Table<>("albums", StoredAlbum.class);
  private final Table<OAuthClient> oauthClients = new Table<>("oauthClients", OAuthClient.class);
  private final Table<AuthorizationCode> authorizationCodes =
      new Table<>("authorizationCodes", AuthorizationCode.class);
  private final Table<IssuedToken> tokens = new Table<>("tokens", IssuedToken.class);

  EmulatorState(String driveRootId) {
    this.driveRootId = driveRootId;
  }

  /** Every table, in a fixed order. */
  List<Table<?>> tables() {
    return List.of(
        driveFiles,
        driveSessions,
        photosSessions,
        uploadTokens,
        mediaItems,
        albums,
        oauthClients,
        authorizationCodes,
        tokens);
  }

  /** The id of "My Drive", which {@code root} stands for in parents and queries. */
  public String driveRootId() {
    return driveRootId;
  }

  void setDriveRootId(String id) {
    this.driveRootId = id;
  }

  /** Drive files and folders by id (not the root). */
  public Table<StoredDriveFile> driveFiles() {
    return driveFiles;
  }

  /** Drive resumable sessions by upload id. */
  public Table<DriveUploadSession> driveSessions() {
    return driveSessions;
  }

  /** Photos resumable uploads by upload id. */
  public Table<PhotosUploadSession> photosSessions() {
    return photosSessions;
  }

  /** Photos upload tokens by token. */
  public Table<UploadToken> uploadTokens() {
    return uploadTokens;
  }

  /** Photos media items by id. */
  public Table<StoredMediaItem> mediaItems() {
    return mediaItems;
  }

  /** Photos albums by id. */
  public Table<StoredAlbum> albums() {
    return albums;
  }

  /** Registered OAuth clients by client id. */
  public Table<OAuthClient> oauthClients() {
    return oauthClients;
  }

  /** Issued authorization codes by code. */
  public Table<AuthorizationCode> authorizationCodes() {
    return authorizationCodes;
  }

  /** Issued access and refresh tokens by value. */
  public Table<IssuedToken> tokens() {
    return tokens;
  }
}
