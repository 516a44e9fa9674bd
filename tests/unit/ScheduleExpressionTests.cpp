// EventBridge schedule expressions (sema/ScheduleExpression.h): what is
// accepted, and why the rest is not (the reason becomes the JW4016 help line).
#include <catch2/catch.hpp>

#include "sema/rules/ScheduleExpression.h"

using jaws::sema::checkScheduleExpression;
using PK = jaws::sema::ScheduleProblem::Kind;

namespace {

PK problemOf(const char* expression) {
  auto problem = checkScheduleExpression(expression);
  REQUIRE(problem.has_value());
  return problem->kind;
}

}  // namespace

TEST_CASE("rate expressions take a whole number and a unit in the right number", "[sema][schedule]") {
  for (const char* ok : {"rate(1 minute)", "rate(5 minutes)", "rate(1 hour)", "rate(24 hours)", "rate(1 day)", "rate(30 days)"}) {
    INFO(ok);
    CHECK_FALSE(checkScheduleExpression(ok).has_value());
  }
  CHECK(problemOf("rate(1 minutes)") == PK::RateSingular);
  CHECK(checkScheduleExpression("rate(1 minutes)")->detail == "minute");
  CHECK(problemOf("rate(2 hour)") == PK::RatePlural);
  CHECK(checkScheduleExpression("rate(2 hour)")->detail == "hours");
  CHECK(problemOf("rate(0 minutes)") == PK::RateValue);
  CHECK(problemOf("rate(-1 minutes)") == PK::RateValue);
  CHECK(problemOf("rate(1.5 hours)") == PK::RateValue);
  CHECK(problemOf("rate(3 weeks)") == PK::RateUnit);
  CHECK(problemOf("rate(5)") == PK::Form);
  CHECK(problemOf("rate 5 minutes") == PK::Form);
  CHECK(problemOf("every day") == PK::Form);
  CHECK(problemOf("") == PK::Form);
}

TEST_CASE("cron expressions have six valid fields and one `?` day", "[sema][schedule]") {
  for (const char* ok : {"cron(0 12 * * ? *)", "cron(15 10 ? * 6L 2022-2023)", "cron(0/5 8-17 ? * MON-FRI *)",
                         "cron(0 8 1 * ? *)", "cron(0 18 ? * MON,WED,FRI *)", "cron(0 9 ? * 2#1 *)", "cron(0 0 L * ? *)",
                         "cron(0 0 15W * ? *)", "cron(0 0 LW JAN,jul ? *)", "cron(*/10 * * * ? *)", "cron(0 0 ? * L *)",
                         "cron(59 23 31 12 ? 2199)", "cron(0 0 1-15/2 * ? *)"}) {
    INFO(ok);
    CHECK_FALSE(checkScheduleExpression(ok).has_value());
  }
  CHECK(problemOf("cron(0 12 * * ?)") == PK::CronFieldCount);
  CHECK(checkScheduleExpression("cron(0 12 * * ?)")->detail == "5");
  CHECK(problemOf("cron(0 12 * * * *)") == PK::CronQuestionMark);
  CHECK(problemOf("cron(0 12 ? * ? *)") == PK::CronQuestionMark);
  CHECK(problemOf("cron(60 12 * * ? *)") == PK::CronField);
  CHECK(checkScheduleExpression("cron(60 12 * * ? *)")->field == "minutes");
  CHECK(problemOf("cron(0 24 * * ? *)") == PK::CronField);
  CHECK(problemOf("cron(0 0 0 * ? *)") == PK::CronField);
  CHECK(problemOf("cron(0 12 * 13 ? *)") == PK::CronField);
  CHECK(problemOf("cron(0 12 ? * 8 *)") == PK::CronField);
  CHECK(problemOf("cron(0 12 ? * MON-FRX *)") == PK::CronField);
  CHECK(problemOf("cron(0 12 * * ? 1969)") == PK::CronField);
  CHECK(problemOf("cron(? 12 * * ? *)") == PK::CronField);     // `?` only in the day fields
  CHECK(problemOf("cron(0 12 ? * 1/2 *)") == PK::CronField);   // no increments in day-of-week
  CHECK(problemOf("cron(0 12 L-2 * ? *)") == PK::CronField);
  CHECK(problemOf("cron(0 12 ? * 3#6 *)") == PK::CronField);   // no sixth Tuesday
  CHECK(problemOf("cron(0 12 ? * 3#1,6#3 *)") == PK::CronHashList);
  CHECK(problemOf("cron(0 12 */0 * ? *)") == PK::CronField);   // an increment of 0
  CHECK(problemOf("cron(0 12 1,,2 * ? *)") == PK::CronField);
}
