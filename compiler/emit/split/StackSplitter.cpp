#include "emit/split/StackSplitter.h"

#include <algorithm>
#include <set>

#include "emit/JsonObjects.h"
#include "emit/JsonSize.h"
#include "emit/StableHash.h"
#include "emit/cloudformation/CodeParameters.h"
#include "emit/split/PropertyUploads.h"
#include "emit/split/RootOrdering.h"
#include "emit/split/SplitWriter.h"
#include "source/ParallelFor.h"

namespace jaws::emit::split {

namespace {

// Frees the whole template (JsonObjects.h): a large one's first half of
// resources by a thread with nothing else to do, if there is one (SharedWork).
void releaseTemplate(Json& document) {
  if (document.is_object() && document.contains("Resources") && document["Resources"].is_object() &&
      document["Resources"].size() >= kResourcesWorthSharing) {
    auto& resources = document["Resources"].get_ref<Json::object_t&>();
    const auto half = resources.begin() + static_cast<std::ptrdiff_t>(resources.size() / 2);
    SharedWork firstHalf([&] {
      for (auto it = resources.begin(); it != half; ++it) releaseJson(it->second);
    });
    for (auto it = half; it != resources.end(); ++it) releaseJson(it->second);
    firstHalf.join();  // releaseJson does not throw
  }
  releaseJson(document);
}

// The stack's template made ready to split and its plan. The plan points into
// `document`, so this is never copied or moved once planned.
struct Prepared {
  Prepared() = default;
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;
  ~Prepared() { releaseTemplate(document); }

  bool split = false;
  TemplateCounts whole;
  Json document;
  std::map<std::string, std::string> owners;  // the emitter's, by logical ID
  ResourceSizes sizes;                        // every resource's (after the uploads)
  ResourceReadings readings;                  // what the plan read of each resource
  std::vector<UploadedProperty> uploads;
  std::vector<UploadRefusal> refusals;
  SplitPlan plan;
  std::vector<SplitIssue> issues;
};

// `known`: what an earlier prediction measured and read of the resources
// unchanged since (StackSplitter.h); null when there is none.
void prepare(const model::Stack& stack, EmittedTemplate emitted, UploadOutput uploads, Prepared& out,
             PredictionReuse* known = nullptr) {
  const model::Splitting& policy = stack.splitting;
  out.document = std::move(emitted.document);
  out.owners = std::move(emitted.owners);
  // Each resource is measured once here; the template's size, the uploads
  // and the plan all add up these sizes.
  out.sizes = measureResources(out.document, known != nullptr ? std::move(known->sizes) : ResourceSizes{});
  if (known != nullptr) out.readings = std::move(known->readings);
  out.whole = countTemplate(out.document, "");
  out.whole.bytes = measureTemplate(out.document, out.sizes).bytes + 1;  // serializeJson's final newline
  out.split = policy.mode == model::SplitMode::Always ||
              (policy.mode == model::SplitMode::Auto && firstOverBound(out.whole, policy.limits).has_value());
  if (!out.split) return;
  // Nested templates are read from CodeBucket: the root needs it even when
  // no function does.
  if (!out.document.contains("Parameters") || !out.document["Parameters"].contains(kCodeBucketParameter)) {
    Json parameters = Json{{kCodeBucketParameter, codeBucketParameter()}};
    if (out.document.contains("Parameters")) {
      for (const auto& item : out.document["Parameters"].items()) parameters[item.key()] = item.value();
    }
    Json document = Json::object();
    for (auto& item : out.document.items()) {
      if (item.key() == "Resources") document["Parameters"] = parameters;
      if (item.key() != "Parameters") document[item.key()] = std::move(item.value());
    }
    out.document = std::move(document);
  }
  // A property that alone takes more than half of a template is uploaded.
  const std::size_t threshold = policy.targets.bytes ? static_cast<std::size_t>(*policy.targets.bytes / 2) : SIZE_MAX;
  uploadLargeProperties(out.document, policy, LiteralContext{stack.stage.region, stack.stage.account}, threshold,
                        out.uploads, out.refusals, out.sizes, uploads);
  for (const auto& upload : out.uploads) out.readings.erase(upload.resource);  // read again as it is now
  const std::vector<std::string_view> reread = readResources(out.document, policy, out.readings);
  // An upload rewrote a resource after it was emitted: the graph is built afresh.
  if (known != nullptr && known->graph && out.uploads.empty() &&
      refreshResourceGraph(*known->graph, known->owners, out.document, out.owners, policy, out.sizes, out.readings,
                           reread, known->replaced)) {
    out.plan = planSplit(std::move(known->graph->graph), out.document, policy);
    known->graphRefreshed = true;
  } else {
    out.plan = planSplit(out.document, out.owners, policy, out.sizes, out.readings);
  }
  for (const auto& problem : out.plan.problems) {
    SplitIssue issue;
    issue.kind = problem.kind == SplitProblem::Kind::RootTooLarge ? SplitIssue::Kind::RootTooLarge
                 : problem.merged.empty()                          ? SplitIssue::Kind::GroupTooLarge
                                                                   : SplitIssue::Kind::CycleTooLarge;
    issue.key = problem.key;
    issue.merged = problem.merged;
    issue.amount = problem.amount;
    issue.limit = problem.limit;
    // A group too large because a property could not be uploaded: say why.
    for (const auto& refusal : out.refusals) {
      const SplitResource* resource = out.plan.graph.find(refusal.resource);
      if (issue.kind == SplitIssue::Kind::RootTooLarge || resource == nullptr ||
          out.plan.graph.groups[resource->group].key != problem.key) {
        continue;
      }
      if (refusal.limit) {
        issue = SplitIssue{SplitIssue::Kind::UploadTooLarge, problem.key, {}, refusal.property,
                           std::to_string(refusal.bytes) + " bytes", std::to_string(*refusal.limit) + " bytes"};
      } else {
        issue = SplitIssue{SplitIssue::Kind::UploadNotLiteral, problem.key, {}, refusal.property,
                           std::to_string(refusal.bytes) + " bytes", refusal.unresolved};
      }
    }
    out.issues.push_back(std::move(issue));
  }
}

// The references of root resources to nested stacks that the split wrote as
// text: computed attributes, and the references of an uploaded property.
std::vector<std::pair<std::string, std::string>> textReferences(const Prepared& prepared) {
  const SplitPlan& plan = prepared.plan;
  std::set<std::pair<std::string, std::string>> out;
  auto nestedOf = [&](const std::string& id) -> std::string {
    const SplitResource* resource = plan.graph.find(id);
    return resource == nullptr ? "" : plan.templates[plan.templateOf[resource->group]].name;
  };
  for (const auto& resource : plan.graph.resources) {
    if (plan.templateOf[resource.group] != 0) continue;
    for (std::size_t i = 0; i < resource.references.size(); ++i) {
      if (!resource.cut[i]) continue;
      if (std::string stack = nestedOf(resource.references[i].target); !stack.empty()) out.emplace(resource.id, stack);
    }
  }
  for (const auto& upload : prepared.uploads) {
    if (!nestedOf(upload.resource).empty()) continue;  // the uploading resource is nested itself
    for (const auto& target : upload.literalized) {
      if (std::string stack = nestedOf(target); !stack.empty()) out.emplace(upload.resource, stack);
    }
  }
  return {out.begin(), out.end()};
}

// The stack's root template, its text as written and its counts.
void setRoot(SplitStack& out, Json root, const SplitOptions& options) {
  out.root = std::move(root);
  out.rootText = options.serialize(out.root);
  out.rootCounts = countTemplate(out.root, out.rootText);
}

}  // namespace

TemplateCounts countTemplate(const Json& cfnTemplate, const std::string& text) {
  TemplateCounts c;
  c.resources = cfnTemplate.contains("Resources") ? cfnTemplate["Resources"].size() : 0;
  c.parameters = cfnTemplate.contains("Parameters") ? cfnTemplate["Parameters"].size() : 0;
  c.outputs = cfnTemplate.contains("Outputs") ? cfnTemplate["Outputs"].size() : 0;
  c.bytes = text.size();
  return c;
}

// What a prediction reports: counts and issues, never the files' text or keys.
SplitPrediction predictionOf(const Prepared& prepared) {
  SplitPrediction out;
  out.split = prepared.split;
  out.whole = prepared.whole;
  if (prepared.split) out.templates = prepared.plan.templates;
  out.issues = prepared.issues;
  return out;
}

SplitPrediction predictSplit(const model::Stack& stack, EmittedTemplate emitted) {
  Prepared prepared;
  prepare(stack, std::move(emitted), UploadOutput::SizesOnly, prepared);
  return predictionOf(prepared);
}

SplitPrediction predictSplit(const model::Stack& stack, EmittedTemplate emitted, PredictionReuse& reuse) {
  Prepared prepared;
  prepare(stack, std::move(emitted), UploadOutput::SizesOnly, prepared, &reuse);
  SplitPrediction out = predictionOf(prepared);
  // What was measured and read of each resource as emitted: an uploaded one
  // is no longer as emitted.
  reuse.rewritten.clear();
  for (const auto& upload : prepared.uploads) {
    reuse.rewritten.insert(upload.resource);
    prepared.sizes.erase(upload.resource);
    prepared.readings.erase(upload.resource);
  }
  reuse.sizes = std::move(prepared.sizes);
  reuse.readings = std::move(prepared.readings);
  reuse.owners = std::move(prepared.owners);
  // The graph is kept when no upload rewrote a resource; it points into the
  // document until the next prediction refreshes it.
  reuse.graph.reset();
  if (prepared.split && prepared.uploads.empty()) reuse.graph = KeptGraph{std::move(prepared.plan.graph), stack.splitting};
  prepared.plan = SplitPlan{};
  reuse.document = std::move(prepared.document);
  return out;
}

SplitStack splitStack(const model::Stack& stack, EmittedTemplate emitted, const SplitOptions& options) {
  // Most stacks fit one template: with JSON text, whether it fits is read off
  // the text written anyway (the split decision below measures the same JSON
  // bytes, final newline included, walking every resource).
  if (options.serializesJson && stack.splitting.mode == model::SplitMode::Auto &&
      !firstOverBound(countTemplate(emitted.document, ""), stack.splitting.limits)) {
    SplitStack out;
    setRoot(out, std::move(emitted.document), options);
    if (!firstOverBound(out.rootCounts, stack.splitting.limits)) return out;
    emitted.document = std::move(out.root);
  }
  Prepared prepared;
  prepare(stack, std::move(emitted), UploadOutput::Files, prepared);
  SplitStack out;
  out.split = prepared.split;
  out.issues = prepared.issues;
  if (!prepared.split) {
    setRoot(out, std::move(prepared.document), options);
    return out;
  }
  std::vector<std::string> texts;
  WrittenSplit written = writeSplit(prepared.document, prepared.plan, stack.splitting, [&](const Json& document) {
    texts.push_back(options.serialize(document));
    return stableHashHex(texts.back(), 16) + options.templateSuffix;
  });
  keepOrder(written.root, textReferences(prepared));
  // A plan that already failed (a group too large) says why; its templates
  // being over a quota too would only repeat it.
  const bool planned = prepared.issues.empty();
  const model::TemplateQuota& quota = stack.splitting.limits;
  for (std::size_t i = 0; i < written.nested.size(); ++i) {
    SplitFile file{written.nested[i].name, written.nested[i].key, std::move(texts[i]), {}, {}};
    file.counts = countTemplate(written.nested[i].document, file.text);
    file.document = std::move(written.nested[i].document);
    if (auto over = firstOverBound(file.counts, quota); over && planned) {
      out.issues.push_back({SplitIssue::Kind::OverQuota, "", {}, "nested stack " + file.name, over->first, over->second});
    }
    out.nested.push_back(std::move(file));
  }
  setRoot(out, std::move(written.root), options);
  if (auto over = firstOverBound(out.rootCounts, quota); over && planned) {
    out.issues.push_back({SplitIssue::Kind::OverQuota, "", {}, "root template", over->first, over->second});
  }
  for (auto& upload : prepared.uploads) {
    out.uploads.push_back({upload.resource, upload.key, std::move(upload.text), {}, std::move(upload.document)});
  }
  std::sort(out.uploads.begin(), out.uploads.end(), [](const SplitFile& a, const SplitFile& b) { return a.key < b.key; });
  return out;
}

}  // namespace jaws::emit::split
