// Building twice, or from the declarations in another order (the files of a
// project are read in any order), gives byte-identical artifacts.
#include <catch2/catch.hpp>

#include <algorithm>

#include "emit/cloudformation/CloudFormationEmitter.h"
#include "emit/ManifestEmitter.h"
#include "emit/apidocs/OpenApiEmitter.h"
#include "emit/StackFixtures.h"
#include "emit/apidocs/SwaggerEmitter.h"
#include "emit/YamlWriter.h"
#include "emit/JsonSize.h"
#include "emit/split/ResourceGroups.h"
#include "source/ParallelFor.h"

using namespace jaws;
using namespace jaws::emit_test;

namespace {

const std::map<std::string, std::string> kDeterminismCodeKeys = {{".", "0123456789abcdef.zip"}};

std::string allArtifacts(const model::Stack& stack) {
  const auto tmpl = emit::emitCloudFormation(stack, kDeterminismCodeKeys);
  std::string out = emit::serializeJson(tmpl) + emit::emitYaml(tmpl);
  for (const auto& api : stack.apis) {
    out += emit::serializeJson(emit::emitSwagger(stack, api)) + emit::serializeJson(emit::emitOpenApi(stack, api));
  }
  return out;
}

// The same program with every declaration list reversed: what reading the
// project's files in another order would give the evaluator.

}  // namespace

TEST_CASE("emitting twice gives identical bytes", "[emit][determinism]") {
  for (const auto& stack : {todoStack(), authStack(), rawResourcesStack(), corsMultiOriginStack()}) {
    CHECK(allArtifacts(stack) == allArtifacts(stack));
  }
}

TEST_CASE("declaration order does not change any artifact", "[emit][determinism]") {
  for (const auto& stack : {todoStack(), authStack(), corsOffStack(), schedulesStack(), rawResourcesStack()}) {
    INFO(stack.project.name);
    const auto other = emit_test::reversedDeclarations(stack);
    REQUIRE(other.functions.front().name != stack.functions.front().name);  // the reordering is real
    CHECK(allArtifacts(other) == allArtifacts(stack));
  }
}

TEST_CASE("the manifest does not depend on the order of the stacks", "[emit][determinism]") {
  auto stacks = multiRegionStacks();
  std::vector<emit::Json> templates;
  for (const auto& stack : stacks) templates.push_back(emit::emitCloudFormation(stack, kDeterminismCodeKeys));
  auto manifestOf = [&](std::vector<std::size_t> order) {
    std::vector<emit::ManifestStack> entries;
    for (auto i : order) {
      entries.push_back({&stacks[i], &templates[i], stacks[i].stage.name + "/" + stacks[i].stage.region + "/template.json"});
    }
    return emit::serializeJson(emit::emitManifest("todo", entries, {{".", "0123456789abcdef.zip", "artifacts/0123456789abcdef.zip"}}));
  };
  CHECK(manifestOf({0, 1, 2}) == manifestOf({2, 0, 1}));
  CHECK(manifestOf({0, 1, 2}) == manifestOf({1, 2, 0}));
}

TEST_CASE("different stacks give different templates (the comparison can fail)", "[emit][determinism]") {
  auto other = todoStack();
  other.functions[0].memoryMb = 1024;
  CHECK(allArtifacts(other) != allArtifacts(todoStack()));
}

TEST_CASE("a template emitted in two parts on two threads is the one emitted on one", "[emit][determinism]") {
  // Enough functions for the emitter to share its work (CloudFormationEmitter.cpp).
  for (const auto& base : {todoStack(), authStack(), corsMultiOriginStack()}) {
    model::Stack stack = base;
    for (int copy = 0; stack.functions.size() < 150; ++copy) {
      for (const auto& f : base.functions) {
        stack.functions.push_back(f);
        stack.functions.back().name += "Copy" + std::to_string(copy);
      }
    }
    REQUIRE_FALSE(stack.apis.empty());
    const auto alone = emit::emitTemplate(stack, kDeterminismCodeKeys);
    for (int round = 0; round < 5; ++round) {
      // Item 0 ends at once: its thread takes the part the other shares.
      emit::EmittedTemplate shared;
      parallelFor(2, 2, [&](std::size_t item, unsigned) {
        if (item == 1) shared = emit::emitTemplate(stack, kDeterminismCodeKeys);
      });
      CHECK(emit::serializeJson(shared.document) == emit::serializeJson(alone.document));
      CHECK(shared.owners == alone.owners);
    }
  }
}

TEST_CASE("a large template measured and read in two halves on two threads is measured and read as on one",
          "[emit][determinism][split]") {
  model::Stack stack = todoStack();
  const auto base = stack.functions;
  for (int copy = 0; stack.functions.size() < 700; ++copy) {
    for (const auto& f : base) {
      stack.functions.push_back(f);
      stack.functions.back().name += "Copy" + std::to_string(copy);
    }
  }
  const emit::Json document = emit::emitTemplate(stack, kDeterminismCodeKeys).document;
  REQUIRE(document["Resources"].size() >= emit::split::kResourcesWorthSharing);
  // Each resource measured and read alone, in the template's order.
  emit::split::ResourceSizes sizes;
  emit::split::ResourceReadings readings;
  std::vector<std::string_view> read;
  for (const auto& [id, resource] : document["Resources"].get_ref<const emit::Json::object_t&>()) {
    sizes.emplace(id, emit::measureJson(resource));
    readings.emplace(id, emit::split::readResource(resource, stack.splitting));
    read.emplace_back(id);
  }
  for (int round = 0; round < 3; ++round) {
    emit::split::ResourceSizes sharedSizes;
    emit::split::ResourceReadings sharedReadings;
    std::vector<std::string_view> sharedRead;
    // On two threads (item 0 ends at once: its thread takes the halves the
    // other shares), then on one.
    parallelFor(round == 2 ? 1 : 2, round == 2 ? 1 : 2, [&](std::size_t item, unsigned) {
      if (round != 2 && item == 0) return;
      sharedSizes = emit::split::measureResources(document);
      sharedRead = emit::split::readResources(document, stack.splitting, sharedReadings);
    });
    REQUIRE(sharedSizes.size() == sizes.size());
    for (const auto& [id, size] : sizes) {
      INFO(id);
      REQUIRE(sharedSizes.at(id).bytes == size.bytes);
      REQUIRE(sharedSizes.at(id).lines == size.lines);
    }
    CHECK(sharedReadings == readings);
    CHECK(sharedRead == read);
  }
}
