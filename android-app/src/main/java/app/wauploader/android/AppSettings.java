package app.wauploader.android;

import android.content.Context;
import android.content.SharedPreferences;
import android.content.pm.ApplicationInfo;
import android.content.pm.PackageManager;
import android.net.Uri;
import app.wauploader.core.google.GoogleEndpoints;
import java.net.URI;
import java.util.Optional;

/**
 * What the user chose once (which WhatsApp, Wi-Fi only, only while charging, the folder granted
 * through the Storage Access Framework) and this build's OAuth client, kept in the app's private
 * preferences.
 */
final class AppSettings {
  static final String UNCONFIGURED_CLIENT = "000000000000-unconfigured.apps.googleusercontent.com";
  private static final String CLIENT_ID_META = "app.wauploader.oauth.client_id";

  private final Context context;
  private final SharedPreferences prefs;

  AppSettings(Context context) {
    this.context = context.getApplicationContext();
    this.prefs = this.context.getSharedPreferences("settings", Context.MODE_PRIVATE);
  }

  boolean whatsApp() {
    return prefs.getBoolean("whatsapp", true);
  }

  boolean business() {
    return prefs.getBoolean("business", true);
  }

  /** Photos and videos to Google Photos; default on. */
  boolean photos() {
    return prefs.getBoolean("photos", true);
  }

  /** Voice notes, audio, documents and the rest to Google Drive; default on. */
  boolean drive() {
    return prefs.getBoolean("drive", true);
  }

  /** The services chosen (empty when the user switched both off). */
  java.util.Set<app.wauploader.domain.Service> services() {
    java.util.Set<app.wauploader.domain.Service> chosen =
        java.util.EnumSet.noneOf(app.wauploader.domain.Service.class);
    if (photos()) {
      chosen.add(app.wauploader.domain.Service.PHOTOS);
    }
    if (drive()) {
      chosen.add(app.wauploader.domain.Service.DRIVE);
    }
    return chosen;
  }

  /** Back up on unmetered networks (Wi-Fi) only; default on. */
  boolean unmeteredOnly() {
    return prefs.getBoolean("unmetered_only", true);
  }

  /** Back up only while the phone charges; default on. */
  boolean chargingOnly() {
    return prefs.getBoolean("charging_only", true);
  }

  void set(String key, boolean value) {
    prefs.edit().putBoolean(key, value).apply();
  }

  /** The tree the user granted with {@code ACTION_OPEN_DOCUMENT_TREE}, if any. */
  Optional<Uri> safTree() {
    String tree = prefs.getString("saf_tree", null);
    return tree == null ? Optional.empty() : Optional.of(Uri.parse(tree));
  }

  void setSafTree(Optional<Uri> tree) {
    prefs.edit().putString("saf_tree", tree.map(Uri::toString).orElse(null)).apply();
  }

  /**
   * Google, or another server with Google's paths (the emulator, for tests and demos). Set only
   * programmatically; tokens are bound to the token URL they came from.
   */
  GoogleEndpoints endpoints() {
    String base = prefs.getString("endpoint", null);
    return base == null ? GoogleEndpoints.google() : GoogleEndpoints.at(URI.create(base));
  }

  void setEndpoint(Optional<String> base) {
    prefs.edit().putString("endpoint", base.orElse(null)).commit();
  }

  /** This build's Android OAuth client id (the manifest's meta-data). */
  String clientId() {
    try {
      ApplicationInfo info =
          context
              .getPackageManager()
              .getApplicationInfo(context.getPackageName(), PackageManager.GET_META_DATA);
      String id = info.metaData == null ? null : info.metaData.getString(CLIENT_ID_META);
      return id == null ? UNCONFIGURED_CLIENT : id;
    } catch (PackageManager.NameNotFoundException e) {
      return UNCONFIGURED_CLIENT;
    }
  }

  /**
   * False for a build made without {@code -Dwa.android.clientId=…} that talks to Google (against
   * the emulator, which takes any client while none is registered, the placeholder id works).
   */
  boolean signInConfigured() {
    return !clientId().equals(UNCONFIGURED_CLIENT) || prefs.getString("endpoint", null) != null;
  }

  /**
   * The redirect Google sends the browser to: the client id reversed as the scheme
   * (https://developers.google.com/identity/protocols/oauth2/native-app#redirect-uri_custom-scheme).
   */
  String redirectUri() {
    String id = clientId();
    String prefix = id.substring(0, id.length() - ".apps.googleusercontent.com".length());
    return "com.googleusercontent.apps." + prefix + ":/oauth2redirect";
  }
}
