// The stack splitter (docs/splitting.md): when a stack is split, what stays
// together, where groups go, how values cross templates, determinism,
// stability under growth, uploads, and every problem it reports.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "emit/SplitFixtures.h"
#include "emit/StackFixtures.h"
#include "emit/apidocs/SwaggerEmitter.h"
#include "emit/cloudformation/CloudFormationEmitter.h"
#include "emit/split/SplitPlanner.h"
#include "emit/split/StackSplitter.h"
#include "emit/split/TemplateReferences.h"

using namespace jaws;
using namespace jaws::emit_test;
using emit::Json;
using emit::split::SplitIssue;

namespace {


model::Resource topicResource(std::string name) {
  model::Resource topic;
  topic.name = std::move(name);
  topic.type = "AWS::SNS::Topic";
  return topic;
}

emit::split::SplitStack split(const model::Stack& stack) {
  emit::split::SplitOptions options;
  options.serialize = [](const Json& document) { return emit::serializeJson(document); };
  return emit::split::splitStack(stack, emit::emitTemplate(stack, emit_test::kGoldenCodeKeys), options);
}

// Which template holds each resource: "" for the root, else the nested stack.
std::map<std::string, std::string> placement(const emit::split::SplitStack& s) {
  std::map<std::string, std::string> out;
  for (const auto& item : s.root["Resources"].items()) {
    if (item.value()["Type"] != "AWS::CloudFormation::Stack") out[item.key()] = "";
  }
  for (const auto& nested : s.nested) {
    for (const auto& item : nested.document["Resources"].items()) out[item.key()] = nested.name;
  }
  return out;
}

// The same, from the plan alone (no templates written): faster, for the
// growth tests.
std::map<std::string, std::string> plannedPlacement(const model::Stack& stack) {
  const auto emitted = emit::emitTemplate(stack, emit_test::kGoldenCodeKeys);
  const auto plan = emit::split::planSplit(emitted.document, emitted.owners, stack.splitting);
  std::map<std::string, std::string> out;
  for (std::size_t g = 0; g < plan.graph.groups.size(); ++g) {
    for (std::size_t member : plan.graph.groups[g].members) {
      out[plan.graph.resources[member].id] = plan.templates[plan.templateOf[g]].name;
    }
  }
  return out;
}

std::vector<std::string> issueKinds(const std::vector<SplitIssue>& issues) {
  std::vector<std::string> out;
  for (const auto& issue : issues) {
    switch (issue.kind) {
      case SplitIssue::Kind::GroupTooLarge: out.push_back("GroupTooLarge " + issue.key); break;
      case SplitIssue::Kind::CycleTooLarge: out.push_back("CycleTooLarge " + issue.key); break;
      case SplitIssue::Kind::RootTooLarge: out.push_back("RootTooLarge"); break;
      case SplitIssue::Kind::UploadNotLiteral: out.push_back("UploadNotLiteral " + issue.key); break;
      case SplitIssue::Kind::UploadTooLarge: out.push_back("UploadTooLarge " + issue.key); break;
      case SplitIssue::Kind::OverQuota: out.push_back("OverQuota " + issue.what); break;
    }
  }
  return out;
}

// Every reference of every template resolves inside it, every nested stack
// gets exactly the parameters its template declares, and every output the
// root reads exists. Returns the first problem, or "".
std::string danglingReference(const emit::split::SplitStack& s) {
  std::map<std::string, const Json*> byKey;
  for (const auto& nested : s.nested) byKey[nested.key] = &nested.document;
  auto check = [&](const Json& document, const std::string& where) -> std::string {
    std::set<std::string> names;
    for (const auto& item : document["Resources"].items()) names.insert(item.key());
    if (document.contains("Parameters")) {
      for (const auto& item : document["Parameters"].items()) names.insert(item.key());
    }
    std::vector<emit::split::Reference> refs;
    emit::split::collectReferences(document["Resources"], refs);
    if (document.contains("Outputs")) emit::split::collectReferences(document["Outputs"], refs);
    for (const auto& ref : refs) {
      if (names.count(ref.target) == 0) return where + " refers to " + ref.target;
    }
    for (const auto& item : document["Resources"].items()) {
      for (const auto& id : emit::split::dependsOn(item.value())) {
        if (names.count(id) == 0) return where + ": " + item.key() + " depends on " + id;
      }
    }
    return "";
  };
  if (auto problem = check(s.root, "the root"); !problem.empty()) return problem;
  for (const auto& nested : s.nested) {
    if (auto problem = check(nested.document, nested.name); !problem.empty()) return problem;
  }
  for (const auto& item : s.root["Resources"].items()) {
    if (item.value()["Type"] != "AWS::CloudFormation::Stack") continue;
    const std::string url = item.value()["Properties"]["TemplateURL"]["Fn::Sub"];
    const std::string key = url.substr(url.rfind('/') + 1);
    if (byKey.count(key) == 0) return item.key() + " names a template that was not written";
    const Json& child = *byKey[key];
    std::set<std::string> declared, passed;
    if (child.contains("Parameters")) {
      for (const auto& p : child["Parameters"].items()) declared.insert(p.key());
    }
    if (item.value()["Properties"].contains("Parameters")) {
      for (const auto& p : item.value()["Properties"]["Parameters"].items()) passed.insert(p.key());
    }
    if (declared != passed) return item.key() + ": the parameters passed are not those declared";
  }
  // Outputs read from nested stacks exist.
  std::vector<emit::split::Reference> refs;
  emit::split::collectReferences(s.root, refs);
  for (const auto& nested : s.nested) emit::split::collectReferences(nested.document, refs);
  for (const auto& ref : refs) {
    if (ref.attribute.rfind("Outputs.", 0) != 0) continue;
    const auto nested = std::find_if(s.nested.begin(), s.nested.end(), [&](const auto& n) { return n.name == ref.target; });
    if (nested == s.nested.end()) return "an output of " + ref.target + ", which is no nested stack";
    if (!nested->document.contains("Outputs") || !nested->document["Outputs"].contains(ref.attribute.substr(8))) {
      return ref.target + " has no " + ref.attribute;
    }
  }
  return "";
}

// Every declaration and every API's routes in reverse order.
model::Stack reversedWithRoutes(model::Stack stack) {
  stack = emit_test::reversedDeclarations(std::move(stack));
  for (auto& api : stack.apis) std::reverse(api.routes.begin(), api.routes.end());
  return stack;
}

}  // namespace

TEST_CASE("a stack that fits one template is written as it always was", "[split]") {
  model::Stack stack = todoStack();
  stack.splitting = stdlibSplitting();
  const auto s = split(stack);
  CHECK_FALSE(s.split);
  CHECK(s.nested.empty());
  CHECK(s.root == emit::emitCloudFormation(stack, emit_test::kGoldenCodeKeys));
  CHECK(s.issues.empty());
  // The text the build writes is the one measured (serialized once).
  CHECK(s.rootText == emit::serializeJson(s.root));
  CHECK(s.rootCounts.bytes == s.rootText.size());
}

TEST_CASE("a template written as JSON splits at exactly the byte quota, read off its text or measured", "[split]") {
  model::Stack stack = todoStack();
  stack.splitting = stdlibSplitting();
  REQUIRE(stack.splitting.mode == model::SplitMode::Auto);
  const std::size_t bytes = emit::serializeJson(emit::emitCloudFormation(stack, emit_test::kGoldenCodeKeys)).size();
  for (const std::size_t limit : {bytes, bytes - 1}) {
    INFO(limit);
    stack.splitting.limits.bytes = static_cast<std::int64_t>(limit);
    emit::split::SplitOptions options;
    options.serialize = [](const Json& document) { return emit::serializeJson(document); };
    const auto measured = emit::split::splitStack(stack, emit::emitTemplate(stack, emit_test::kGoldenCodeKeys), options);
    options.serializesJson = true;
    const auto read = emit::split::splitStack(stack, emit::emitTemplate(stack, emit_test::kGoldenCodeKeys), options);
    CHECK(measured.split == (limit < bytes));
    CHECK(read.split == measured.split);
    CHECK(read.rootText == measured.rootText);
    CHECK(read.rootCounts.bytes == measured.rootCounts.bytes);
    CHECK(read.nested.size() == measured.nested.size());
  }
}

TEST_CASE("split = always splits a small stack; off never splits a large one", "[split]") {
  model::Stack small = todoStack();
  small.splitting = stdlibSplitting();
  small.splitting.mode = model::SplitMode::Always;
  const auto always = split(small);
  CHECK(always.split);
  REQUIRE(always.nested.size() == 1);
  CHECK(danglingReference(always) == "");

  model::Stack large = splitTwoStack();
  large.splitting.mode = model::SplitMode::Off;
  const auto off = split(large);
  CHECK_FALSE(off.split);
  CHECK(off.rootCounts.resources == 523);  // 130 × (function, role, log group, permission) + RestApi, deployment, stage
}

TEST_CASE("split-two: a root template and two nested stacks, each within the targets", "[split]") {
  const auto s = split(splitTwoStack());
  REQUIRE(s.split);
  CHECK(s.issues.empty());
  REQUIRE(s.nested.size() == 2);
  for (const auto& nested : s.nested) {
    CHECK(nested.counts.resources <= 450);
    CHECK(nested.counts.bytes <= 800000);
  }
  CHECK(danglingReference(s) == "");
  CHECK(s.rootText == emit::serializeJson(s.root));
  const auto where = placement(s);
  // The API stays in the root; each function keeps its role, log group and
  // the route permission that names it, wherever the API is.
  CHECK(where.at("FleetRestApi").empty());
  CHECK(where.at("FleetStage").empty());
  for (int i = 0; i < 130; ++i) {
    const std::string fn = "Fn" + std::to_string(i);
    INFO(fn);
    CHECK_FALSE(where.at(fn + "Function").empty());
    CHECK(where.at(fn + "Role") == where.at(fn + "Function"));
    CHECK(where.at(fn + "LogGroup") == where.at(fn + "Function"));
    CHECK(where.at("FleetGetThings" + std::to_string(i) + "IdPermission") == where.at(fn + "Function"));
  }
}

TEST_CASE("a function's ARN is written out across templates, and the deployment waits for the functions", "[split]") {
  const auto s = split(splitTwoStack());
  const std::string root = emit::serializeJson(s.root);
  // The body in the root names the nested functions by ARN, not by GetAtt.
  CHECK(root.find("Fn12Function.Arn") == std::string::npos);
  CHECK(root.find("lambda:${AWS::Region}:${AWS::AccountId}:function:fleet-dev-fn12/invocations") != std::string::npos);
  // The root output of fn0's ARN: written out too.
  CHECK(s.root["Outputs"]["FirstFunction"]["Value"] ==
        Json{{"Fn::Sub", "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:fleet-dev-fn0"}});
  // Not the RestApi (its nested stacks read its ID), but its deployment waits.
  std::set<std::string> nested;
  for (const auto& n : s.nested) nested.insert(n.name);
  const Json& deployment = *std::find_if(s.root["Resources"].begin(), s.root["Resources"].end(),
                                         [](const Json& r) { return r["Type"] == "AWS::ApiGateway::Deployment"; });
  REQUIRE(deployment.contains("DependsOn"));
  CHECK(std::set<std::string>(deployment["DependsOn"].begin(), deployment["DependsOn"].end()) == nested);
  CHECK_FALSE(s.root["Resources"]["FleetRestApi"].contains("DependsOn"));
  // A nested function's env naming a function of the other nested stack: written out.
  bool crossing = false;
  for (const auto& n : s.nested) {
    for (const auto& item : n.document["Resources"].items()) {
      if (item.value()["Type"] != "AWS::Lambda::Function") continue;
      const Json& next = item.value()["Properties"]["Environment"]["Variables"]["NEXT"];
      if (next.contains("Fn::Sub")) crossing = true;
    }
  }
  CHECK(crossing);
}

TEST_CASE("split-many: tiers, and values passed between nested stacks through the root", "[split]") {
  const auto s = split(splitManyStack());
  REQUIRE(s.split);
  CHECK(s.issues.empty());
  CHECK(s.nested.size() > 4);
  CHECK(danglingReference(s) == "");
  bool tier = false, passed = false;
  for (const auto& n : s.nested) {
    CHECK(n.counts.resources <= 40);
    if (n.name.rfind("Tier1Part", 0) == 0) tier = true;
  }
  for (const auto& item : s.root["Resources"].items()) {
    if (item.value()["Type"] != "AWS::CloudFormation::Stack" || !item.value()["Properties"].contains("Parameters")) continue;
    for (const auto& value : item.value()["Properties"]["Parameters"]) {
      if (value.contains("Fn::GetAtt") && value["Fn::GetAtt"][1].get<std::string>().rfind("Outputs.", 0) == 0) passed = true;
    }
  }
  CHECK(tier);
  CHECK(passed);
  // The root's output of a table's ARN reads the nested stack's output.
  const Json& output = s.root["Outputs"]["FirstTable"]["Value"];
  REQUIRE(output.contains("Fn::GetAtt"));
  CHECK(output["Fn::GetAtt"][1].get<std::string>().rfind("Outputs.", 0) == 0);
  // No template is exported from: values pass as parameters and outputs only.
  CHECK(emit::serializeJson(s.root).find("Export") == std::string::npos);
  for (const auto& n : s.nested) CHECK(n.text.find("Fn::ImportValue") == std::string::npos);
}

TEST_CASE("the split does not depend on the order of declarations, and is repeatable", "[split][determinism]") {
  for (const auto& stack : {splitTwoStack(), splitManyStack()}) {
    const auto files = splitArtifacts({stack});
    CHECK(files == splitArtifacts({stack}));
    const auto other = reversedWithRoutes(stack);
    REQUIRE(other.functions.front().name != stack.functions.front().name);
    CHECK(splitArtifacts({other}) == files);
  }
}

TEST_CASE("adding one function moves only that function's group", "[split][stability]") {
  const auto before = plannedPlacement(fleetStack(130, false));
  const auto after = plannedPlacement(fleetStack(131, false));
  for (const auto& [id, where] : before) {
    INFO(id);
    // The API's deployment is named after its routes: a new route replaces
    // it (in the same template), as it does in an unsplit stack.
    if (id.rfind("FleetDeployment", 0) == 0) {
      CHECK(after.count(id) == 0);
      continue;
    }
    REQUIRE(after.count(id) == 1);
    CHECK(after.at(id) == where);
  }
  auto deployment = [](const std::map<std::string, std::string>& placed) {
    const auto it = std::find_if(placed.begin(), placed.end(), [](const auto& e) { return e.first.rfind("FleetDeployment", 0) == 0; });
    return it == placed.end() ? std::string("(none)") : it->second;
  };
  CHECK(deployment(after) == deployment(before));
  // The new group is placed with its own resources together.
  CHECK(after.at("Fn130Role") == after.at("Fn130Function"));
  CHECK(after.at("FleetGetThings130IdPermission") == after.at("Fn130Function"));
}

TEST_CASE("while a stack grows, a move only ever splits one nested stack, which keeps its name", "[split][stability]") {
  auto previous = plannedPlacement(fleetStack(126, false));
  std::size_t splits = 0;
  for (std::size_t n = 127; n <= 340; n += 3) {
    const auto next = plannedPlacement(fleetStack(n, false));
    std::set<std::string> from, to, before, after;
    for (const auto& [id, where] : previous) before.insert(where);
    for (const auto& [id, where] : next) after.insert(where);
    for (const auto& [id, where] : previous) {
      if (next.count(id) == 0) continue;  // the API's deployment, named after its routes
      if (next.at(id) != where) {
        from.insert(where);
        to.insert(next.at(id));
      }
    }
    INFO("from " << n - 3 << " to " << n << " functions");
    CHECK(from.size() <= 1);
    CHECK(to.size() <= 1);
    if (!from.empty()) {
      ++splits;
      CHECK(after.count(*from.begin()) == 1);   // the stack that split keeps its name
      CHECK(before.count(*to.begin()) == 0);    // what moves goes to a new stack
    }
    previous = next;
  }
  CHECK(splits > 0);  // the range is wide enough to see stacks split
}

TEST_CASE("a large API body is uploaded with literal values when the stage sets an account", "[split][upload]") {
  model::Stack stack = fleetStack(500, false);
  stack.stage.account = "123456789012";
  const auto s = split(stack);
  REQUIRE(s.issues.empty());
  REQUIRE(s.uploads.size() == 1);
  const Json& restApi = s.root["Resources"]["FleetRestApi"]["Properties"];
  CHECK_FALSE(restApi.contains("Body"));
  CHECK(restApi["BodyS3Location"] == Json{{"Bucket", Json{{"Ref", "CodeBucket"}}}, {"Key", s.uploads[0].key}});
  CHECK(s.uploads[0].key.size() == 16 + std::string(".swagger.json").size());
  // The file is the import variant of the body: every ARN literal.
  CHECK(s.uploads[0].document == emit::emitImportSwagger(stack, stack.apis[0], "123456789012").body);
  CHECK(s.uploads[0].text == s.uploads[0].document.dump() + "\n");
  CHECK(danglingReference(s) == "");
}

TEST_CASE("without an account, a body stays in the template while it fits, and is an error when it does not", "[split][upload]") {
  const auto fits = split(fleetStack(500, false));
  CHECK(fits.issues.empty());
  CHECK(fits.uploads.empty());
  CHECK(fits.root["Resources"]["FleetRestApi"]["Properties"].contains("Body"));

  const auto tooLarge = split(fleetStack(1000, false));
  REQUIRE(issueKinds(tooLarge.issues) == std::vector<std::string>{"UploadNotLiteral api:fleet"});
  CHECK(tooLarge.issues[0].what == "Body");
  CHECK(tooLarge.issues[0].limit.find("AWS::AccountId") != std::string::npos);
}

TEST_CASE("a body larger than the service reads is an error", "[split][upload]") {
  // 1,000 routes: a body too large for any template, so it must be uploaded,
  // and the service's limit (lowered here) refuses it.
  model::Stack stack = fleetStack(1000, false);
  stack.stage.account = "123456789012";
  for (auto& rule : stack.splitting.uploads) rule.limit = 100000;
  const auto s = split(stack);
  REQUIRE(issueKinds(s.issues) == std::vector<std::string>{"UploadTooLarge api:fleet"});
  CHECK(s.issues[0].limit == "100000 bytes");
}

TEST_CASE("check predicts an upload's size without writing the file, exactly at the service's limit", "[split][upload]") {
  model::Stack stack = fleetStack(1000, false);
  stack.stage.account = "123456789012";
  const auto written = split(stack);
  REQUIRE(written.uploads.size() == 1);
  const std::size_t bytes = written.uploads[0].text.size();
  const auto predict = [&](std::int64_t limit) {
    model::Stack limited = stack;
    for (auto& rule : limited.splitting.uploads) rule.limit = limit;
    return std::make_pair(emit::split::predictSplit(limited, emit::emitTemplate(limited, emit_test::kGoldenCodeKeys)),
                          split(limited));
  };
  const auto [atLimit, writtenAtLimit] = predict(static_cast<std::int64_t>(bytes));
  CHECK(atLimit.issues.empty());
  CHECK(writtenAtLimit.issues.empty());
  REQUIRE(atLimit.templates.size() == writtenAtLimit.nested.size() + 1);
  const auto [overLimit, writtenOverLimit] = predict(static_cast<std::int64_t>(bytes) - 1);
  REQUIRE(issueKinds(overLimit.issues) == std::vector<std::string>{"UploadTooLarge api:fleet"});
  REQUIRE(issueKinds(writtenOverLimit.issues) == issueKinds(overLimit.issues));
  CHECK(overLimit.issues[0].amount == std::to_string(bytes) + " bytes");
  CHECK(writtenOverLimit.issues[0].amount == overLimit.issues[0].amount);
}

TEST_CASE("a deployment's hash left as zeros changes no size, no plan and no issue", "[split]") {
  auto summary = [](const emit::split::SplitPrediction& p) {
    std::vector<std::string> out{std::to_string(p.split) + " " + std::to_string(p.whole.resources) + " " +
                                 std::to_string(p.whole.bytes)};
    for (const auto& t : p.templates) {
      std::string groups;
      for (std::size_t g : t.groups) groups += std::to_string(g) + ",";
      out.push_back(t.name + " " + std::to_string(t.tier) + " " + groups + " " + std::to_string(t.predicted.resources) + " " +
                    std::to_string(t.predicted.bytes) + " " + std::to_string(t.predicted.parameters) + " " +
                    std::to_string(t.predicted.outputs));
    }
    for (const auto& issue : p.issues) out.push_back(issue.key + " " + issue.what + " " + issue.amount + " " + issue.limit);
    return out;
  };
  model::Stack withAccount = fleetStack(1000, false);
  withAccount.stage.account = "123456789012";
  for (const model::Stack& stack : {emit_test::splitTwoStack(), emit_test::splitManyStack(), fleetStack(500, true),
                                    fleetStack(1000, false), withAccount}) {
    const auto hashed = emit::emitTemplate(stack, {});
    const auto zeros = emit::emitTemplate(stack, {}, emit::ContentHashes::Placeholder);
    CHECK(emit::serializeJson(hashed.document).size() == emit::serializeJson(zeros.document).size());
    CHECK(hashed.document != zeros.document);  // the fixtures have REST APIs
    CHECK(summary(emit::split::predictSplit(stack, zeros)) == summary(emit::split::predictSplit(stack, hashed)));
  }
}

TEST_CASE("one declaration larger than a template is reported at it", "[split][problems]") {
  model::Stack stack = baseStack("busy", "dev", "us-east-1");
  stack.splitting = stdlibSplitting();
  stack.splitting.mode = model::SplitMode::Always;
  model::Function fn = function(stack, "cron", "src/cron.main");
  for (int i = 0; i < 230; ++i) fn.schedules.push_back({"rate(" + std::to_string(i + 2) + " minutes)", {}});
  stack.functions.push_back(fn);
  const auto s = split(stack);
  REQUIRE(issueKinds(s.issues) == std::vector<std::string>{"GroupTooLarge function:cron"});
  CHECK(s.issues[0].amount == "463 resources");
  CHECK(s.issues[0].limit == "450 resources");
}

TEST_CASE("groups in a reference cycle are merged; too large together, they are reported", "[split][problems]") {
  // Two declarations whose resources refer to each other across groups
  // (a1 -> b, b -> a2): no cycle between resources, one between groups.
  model::Stack stack = baseStack("cycle", "dev", "us-east-1");
  stack.splitting = stdlibSplitting();
  stack.splitting.mode = model::SplitMode::Always;
  const Json topic = Json{{"Type", "AWS::SNS::Topic"}};
  Json document = Json{{"AWSTemplateFormatVersion", "2010-09-09"},
                       {"Resources", Json{{"A1", Json{{"Type", "AWS::SNS::Topic"}, {"Properties", Json{{"TopicName", Json{{"Fn::GetAtt", Json::array({"B", "TopicName"})}}}}}}},
                                          {"A2", topic},
                                          {"B", Json{{"Type", "AWS::SNS::Topic"}, {"Properties", Json{{"TopicName", Json{{"Ref", "A2"}}}}}}},
                                          {"C", topic}}}};
  const std::map<std::string, std::string> owners = {{"A1", "resource:a"}, {"A2", "resource:a"}, {"B", "resource:b"}};
  const auto plan = emit::split::planSplit(document, owners, stack.splitting);
  std::string groupOfB, groupOfA;
  for (const auto& group : plan.graph.groups) {
    if (group.key == "resource:a") {
      CHECK(group.merged == std::vector<std::string>{"resource:b"});
      CHECK(group.members.size() == 3);
    }
    CHECK(group.key != "resource:b");
  }
  stack.splitting.targets.resources = 2;
  emit::split::SplitOptions options;
  options.serialize = [](const Json& d) { return emit::serializeJson(d); };
  const auto s = emit::split::splitStack(stack, emit::EmittedTemplate{document, owners}, options);
  CHECK(issueKinds(s.issues) == std::vector<std::string>{"CycleTooLarge resource:a"});
}

TEST_CASE("a template over a CloudFormation quota after all is reported", "[split][problems]") {
  model::Stack stack = fleetStack(130, false);
  stack.splitting.targets.resources = 2000;  // a plan that ignores the quota
  stack.splitting.mode = model::SplitMode::Always;
  const auto s = split(stack);
  REQUIRE(issueKinds(s.issues) == std::vector<std::string>{"OverQuota nested stack Part"});
  CHECK(s.issues[0].amount == "520 resources");
  CHECK(s.issues[0].limit == "500 resources");
}

TEST_CASE("a root that cannot hold its nested stacks is reported", "[split][problems]") {
  model::Stack stack = baseStack("wide", "dev", "us-east-1");
  stack.splitting = stdlibSplitting();
  stack.splitting.mode = model::SplitMode::Always;
  stack.splitting.targets.resources = 3;
  for (int i = 0; i < 12; ++i) stack.resources.push_back(topicResource("topic" + std::to_string(i)));
  const auto s = split(stack);
  CHECK(issueKinds(s.issues) == std::vector<std::string>{"RootTooLarge"});
}

TEST_CASE("nested stacks are named after the bits of their keys' hashes", "[split]") {
  CHECK(emit::split::nestedStackName(0, "") == "Part");
  CHECK(emit::split::nestedStackName(0, "0") == "Part");
  CHECK(emit::split::nestedStackName(0, "1") == "Part1");
  CHECK(emit::split::nestedStackName(0, "0100") == "Part01");
  CHECK(emit::split::nestedStackName(2, "1") == "Tier2Part1");
  // A declaration already called so keeps its name; the nested stack yields.
  model::Stack stack = todoStack();
  stack.splitting = stdlibSplitting();
  stack.splitting.mode = model::SplitMode::Always;
  stack.resources.push_back(topicResource("part"));
  const auto s = split(stack);
  REQUIRE(s.nested.size() == 1);
  CHECK(s.nested[0].name == "PartNested");
  CHECK(s.root["Resources"]["PartNested"]["Type"] == "AWS::CloudFormation::Stack");
  // Nothing refers to the topic, so it is nested, under its own name.
  REQUIRE(s.nested[0].document["Resources"].contains("Part"));
  CHECK(s.nested[0].document["Resources"]["Part"]["Type"] == "AWS::SNS::Topic");
}
