package app.wauploader.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prepared statements kept per connection: reused, bounded, never kept after a failure. */
class StatementsTest {
  @TempDir Path dir;

  @Test
  void aQueryThatRanIsKeptAndReusedAFailedOneIsNotANestedOneGetsItsOwn() throws Exception {
    try (Connection c =
        Connections.open("jdbc:sqlite:" + dir.resolve("s.db"), new java.util.Properties())) {
      Statements statements = new Statements(c);
      PreparedStatement first;
      try (Statements.Lease lease = statements.lease("SELECT ?")) {
        first = lease.statement();
        first.setInt(1, 7);
        try (ResultSet rs = first.executeQuery()) {
          assertThat(rs.next()).isTrue();
        }
        lease.reusable();
        try (Statements.Lease nested = statements.lease("SELECT ?")) {
          assertThat(nested.statement()).isNotSameAs(first);
        }
      }
      try (Statements.Lease again = statements.lease("SELECT ?")) {
        assertThat(again.statement()).isSameAs(first);
        assertThat(again.statement().getParameterMetaData().getParameterCount()).isEqualTo(1);
      }
      assertThat(first.isClosed()).as("not said reusable: closed").isTrue();
      PreparedStatement kept;
      try (Statements.Lease lease = statements.lease("SELECT 1")) {
        kept = lease.statement();
        lease.reusable();
      }
      for (int i = 0; i < Statements.CAPACITY; i++) {
        try (Statements.Lease lease = statements.lease("SELECT " + (i + 2))) {
          lease.reusable();
        }
      }
      assertThat(kept.isClosed()).as("the least recently used beyond the capacity").isTrue();
    }
  }

  @Test
  void manyTransactionsLaterTheDatabaseStillVacuums() {
    try (Database db = Database.open(dir.resolve("wa.db"))) {
      for (int i = 0; i < 50; i++) {
        int n = i;
        db.useTransaction(tx -> tx.config().put("k" + n, "{}"));
        db.read(tx -> tx.config().get("k" + n));
        db.useTransaction(tx -> tx.sessions().start("[]"));
      }
      db.vacuum();
      assertThat(db.<Long>read(tx -> (long) tx.config().get("k49").map(String::length).orElse(0)))
          .isEqualTo(2L);
    }
  }
}
