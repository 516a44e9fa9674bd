#pragma once
// Validates an EventBridge schedule expression the way EventBridge does
// (Amazon EventBridge User Guide, "Setting a schedule pattern for scheduled
// rules"): `rate(N unit)` with the singular unit for 1 and the plural above,
// or `cron(...)` with six fields, each within its values and wildcards, and
// exactly one of day-of-month and day-of-week set to `?`.
#include <optional>
#include <string>
#include <string_view>

namespace jaws::sema {

struct ScheduleProblem {
  enum class Kind : std::uint8_t {
    Form,          // neither rate(...) nor cron(...)
    RateValue,     // not a whole number >= 1
    RateUnit,      // unknown unit (detail: the unit)
    RateSingular,  // value 1 with a plural unit (detail: the singular)
    RatePlural,    // value > 1 with a singular unit (detail: the plural)
    CronFieldCount,  // detail: the number of fields
    CronQuestionMark,
    CronField,     // detail: the value, field: the field's name
    CronHashList,
  };
  Kind kind;
  std::string detail;
  std::string field;
};

std::optional<ScheduleProblem> checkScheduleExpression(std::string_view expression);

}  // namespace jaws::sema
