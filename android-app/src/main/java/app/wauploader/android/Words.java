package app.wauploader.android;

import app.wauploader.core.app.RunReports;

/** The app's words for what core's advice asks of a user (the CLI names commands instead). */
final class Words {
  static final RunReports.Actions APP =
      new RunReports.Actions() {
        @Override
        public String signInAgain() {
          return "tap \"Sign in\" again (if your OAuth app is in \"Testing\" status, Google expires"
              + " its sign-ins after 7 days)";
        }

        @Override
        public String tickEveryBox() {
          return "tap \"Sign in\" again and tick every box on Google's consent screen";
        }

        @Override
        public String continueLater() {
          return "the app goes on by itself";
        }

        @Override
        public String continueStopped() {
          return "the next backup continues where this one stopped";
        }

        @Override
        public String runAgain() {
          return "the next backup goes on";
        }

        @Override
        public String grantReadAccess() {
          return "allow \"All files access\" for wa-uploader (or choose WhatsApp's Media folder"
              + " again)";
        }
      };

  private Words() {}
}
