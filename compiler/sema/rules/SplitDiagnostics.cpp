#include "sema/rules/SplitDiagnostics.h"

#include "diag/Builders.h"
#include "sema/rules/RuleContext.h"

namespace jaws::sema {

namespace {

using emit::split::SplitIssue;

struct Declaration {
  std::string text;  // "function `fn1`"
  Span span;
};

// The declaration a group key names, and where it is written.
Declaration declarationOf(const model::Stack& stack, const std::string& key, Span fallback) {
  const std::size_t colon = key.find(':');
  const std::string kind = key.substr(0, colon);
  const std::string name = colon == std::string::npos ? key : key.substr(colon + 1);
  if (kind == "function") {
    for (const auto& f : stack.functions) {
      if (f.name == name) return {"function `" + name + "`", spanOr(f.span, fallback)};
    }
  }
  if (kind == "api") {
    for (const auto& a : stack.apis) {
      if (a.name == name) return {"api `" + name + "`", spanOr(a.span, fallback)};
    }
  }
  if (kind == "resource") {
    for (const auto& r : stack.resources) {
      if (r.name == name) return {"resource `" + name + "`", spanOr(r.span, fallback)};
    }
  }
  return {"the resource " + name, fallback};
}

}  // namespace

std::string stackWhere(const model::Stack& stack) { return stack.stackName + " in " + stack.stage.region; }

void reportSplitIssues(const model::Stack& stack, const std::vector<SplitIssue>& issues, Span projectSpan, Diagnostics& out) {
  for (const auto& issue : issues) {
    const Declaration declaration = declarationOf(stack, issue.key, projectSpan);
    switch (issue.kind) {
      case SplitIssue::Kind::GroupTooLarge:
        out.push_back(diag::SplitGroupTooLarge(declaration.span, declaration.text, issue.amount, issue.limit));
        break;
      case SplitIssue::Kind::CycleTooLarge: {
        std::string members = declaration.text;
        for (const auto& key : issue.merged) members += ", " + declarationOf(stack, key, projectSpan).text;
        out.push_back(diag::SplitCycleTooLarge(declaration.span, members, issue.amount, issue.limit));
        break;
      }
      case SplitIssue::Kind::UploadNotLiteral: {
        const bool account = issue.limit.find("AWS::AccountId") != std::string::npos;
        Diagnostic d = diag::SplitUploadNotLiteral(declaration.span, issue.what + " of " + declaration.text, issue.amount,
                                                   account ? "the account" : "`" + issue.limit + "`");
        if (account && !stack.stage.account) d.withHelp(note::SetStageAccount(stack.stage.name));
        out.push_back(std::move(d));
        break;
      }
      case SplitIssue::Kind::UploadTooLarge:
        out.push_back(diag::ApiDefinitionTooLarge(declaration.span, issue.what + " of " + declaration.text, issue.amount, issue.limit));
        break;
      case SplitIssue::Kind::OverQuota:
        out.push_back(diag::SplitTemplateOverQuota(projectSpan, issue.what + " of " + stackWhere(stack), issue.amount, issue.limit));
        break;
      case SplitIssue::Kind::RootTooLarge:
        out.push_back(diag::SplitRootTooLarge(projectSpan, stackWhere(stack), issue.amount, issue.limit));
        break;
    }
  }
}

}  // namespace jaws::sema
