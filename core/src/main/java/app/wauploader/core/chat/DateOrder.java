package app.wauploader.core.chat;

/** The order of the fields in an export's dates; one order holds for a whole file. */
public enum DateOrder {
  /** 13/01/20 is 13 January 2020. */
  DAY_MONTH_YEAR,
  /** 01/13/20 is 13 January 2020. */
  MONTH_DAY_YEAR,
  /** 2020/01/13 is 13 January 2020. */
  YEAR_MONTH_DAY
}
