#include "local/ServeSession.h"

#include <httplib.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace jaws::local {

namespace fs = std::filesystem;

namespace {

HttpRequest fromHttplib(const httplib::Request& in) {
  HttpRequest out;
  out.method = in.method;
  const std::string& target = in.target.empty() ? in.path : in.target;
  const auto question = target.find('?');
  out.path = target.substr(0, question);
  if (question != std::string::npos) out.query = target.substr(question + 1);
  for (const auto& [name, value] : in.headers) {
    // httplib adds these for its own bookkeeping.
    if (name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT") continue;
    out.headers.emplace_back(name, value);
  }
  out.body = in.body;
  out.sourceIp = in.remote_addr.empty() ? "127.0.0.1" : in.remote_addr;
  out.protocol = in.version.empty() ? "HTTP/1.1" : in.version;
  return out;
}

bool isJawsInput(const fs::path& file) { return file.extension() == ".jaws" || file.filename() == kLocalValuesFile; }

bool inside(const fs::path& file, const fs::path& folder) {
  const std::string f = file.lexically_normal().string(), d = folder.lexically_normal().string();
  return f.size() > d.size() && f.compare(0, d.size(), d) == 0 && (d.back() == '/' || f[d.size()] == '/');
}

}  // namespace

ServeSession::ServeSession(ServeOptions options, LogSink log, ProjectReport report)
    : options_(std::move(options)),
      log_(std::move(log)),
      report_(std::move(report)),
      processes_(loop_),
      gateway_(log_),
      server_(std::make_unique<httplib::Server>()) {}

ServeSession::~ServeSession() { stop(); }

std::string ServeSession::url() const {
  const std::string host = options_.host.find(':') != std::string::npos ? "[" + options_.host + "]" : options_.host;
  return fmt::format("http://{}:{}", host, port_);
}

std::shared_ptr<const ServingState> ServeSession::current() const {
  std::lock_guard lock(stateMutex_);
  return state_;
}

std::shared_ptr<ServingState> ServeSession::buildState(const LocalProject& project, const ServingState* previous) {
  auto state = std::make_shared<ServingState>();
  state->stack = std::make_unique<model::Stack>(*project.stack);
  state->account = project.account;
  for (const model::Api& api : state->stack->apis) {
    ServedApi served;
    served.api = &api;
    served.mount = mountOf(*state->stack, api);
    served.routes = std::make_unique<RouteTable>(api);
    served.validator = std::make_unique<RequestValidator>(*state->stack, api);
    state->apis.push_back(std::move(served));
  }
  for (const auto& [name, spec] : project.specs) {
    if (previous != nullptr) {
      auto kept = previous->hosts.find(name);
      if (kept != previous->hosts.end() && kept->second->spec() == spec) {
        state->hosts.emplace(name, kept->second);
        continue;
      }
    }
    state->hosts.emplace(name, std::make_shared<FunctionHost>(spec, processes_, log_));
  }
  return state;
}

ServeSession::Start ServeSession::start(std::string& whyNot) {
  server_->new_task_queue = [] { return new httplib::ThreadPool(16); };
  server_->set_keep_alive_max_count(100);
  server_->set_payload_max_length(kMaxRequestBytes + 1);
  auto handler = [this](const httplib::Request& request, httplib::Response& response) {
    const std::shared_ptr<const ServingState> state = current();
    const HttpResponse answer = gateway_.handle(*state, fromHttplib(request));
    response.status = answer.status;
    for (const auto& [name, value] : answer.headers) response.headers.emplace(name, value);
    response.body = answer.body;
  };
  // Every path of every method goes to the gateway (HEAD is served by the
  // GET handler, which sees the method as sent).
  server_->Get(".*", handler);
  server_->Post(".*", handler);
  server_->Put(".*", handler);
  server_->Patch(".*", handler);
  server_->Delete(".*", handler);
  server_->Options(".*", handler);
  if (options_.port == 0) {
    port_ = server_->bind_to_any_port(options_.host);
  } else {
    port_ = server_->bind_to_port(options_.host, options_.port) ? options_.port : -1;
  }
  if (port_ <= 0) {
    whyNot = options_.port == 0 ? "no free port" : std::string(std::strerror(errno));
    return Start::CannotListen;
  }

  std::unique_ptr<LocalProject> project = loadLocalProject(options_.project, url());
  report_(*project, true);
  if (project->hasErrors()) return Start::ProjectErrors;
  if (project->stack == nullptr) return Start::NoTarget;
  projectDir_ = project->compilation->projectDir();
  state_ = buildState(*project, nullptr);

  serverThread_ = std::thread([this] { server_->listen_after_bind(); });
  reloader_ = std::thread([this] { reloadLoop(); });
  watcher_ = std::make_unique<ProjectWatcher>(loop_, [this](const std::set<fs::path>& changed) {
    std::lock_guard lock(changesMutex_);
    changes_.insert(changed.begin(), changed.end());
    changesArrived_.notify_one();
  });
  watcher_->watch(projectDir_, project->jawsFiles, {projectDir_ / "build"});
  return Start::Serving;
}

void ServeSession::reloadLoop() {
  for (;;) {
    std::set<fs::path> changed;
    {
      std::unique_lock lock(changesMutex_);
      changesArrived_.wait(lock, [&] { return stopping_ || !changes_.empty(); });
      if (stopping_) return;
      changed.swap(changes_);
    }
    applyChanges(changed);
  }
}

void ServeSession::applyChanges(const std::set<fs::path>& changed) {
  const bool reloadProject = std::any_of(changed.begin(), changed.end(), isJawsInput);
  std::shared_ptr<ServingState> previous = std::const_pointer_cast<ServingState>(current());
  if (reloadProject) {
    std::unique_ptr<LocalProject> project = loadLocalProject(options_.project, url());
    report_(*project, false);
    if (project->hasErrors() || project->stack == nullptr) {
      log_({LogLine::Kind::Reload, "", "the project has errors; still serving the last good version", true});
      return;
    }
    auto next = buildState(*project, previous.get());
    std::size_t routes = 0;
    for (const auto& api : next->apis) routes += api.api->routes.size();
    {
      std::lock_guard lock(stateMutex_);
      state_ = next;
    }
    gateway_.forgetAuthorizations();
    watcher_->watch(projectDir_, project->jawsFiles, {projectDir_ / "build"});
    log_({LogLine::Kind::Reload, "", fmt::format("reloaded the project: {} route{}", routes, routes == 1 ? "" : "s"), false});
    previous = next;
  }
  // Handler code: the functions whose folder holds a changed file start a
  // fresh process for their next invocation.
  for (const auto& [name, host] : previous->hosts) {
    for (const fs::path& file : changed) {
      if (isJawsInput(file) || !inside(file, host->spec().taskRoot)) continue;
      host->reload();
      log_({LogLine::Kind::Reload, name, fs::relative(file, projectDir_).string() + " changed; reloaded", false});
      break;
    }
  }
  if (reloadProject) gateway_.forgetAuthorizations();
}

void ServeSession::stop() {
  {
    std::lock_guard lock(changesMutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  changesArrived_.notify_all();
  if (reloader_.joinable()) reloader_.join();
  watcher_.reset();
  // Ends the invocations in flight, so the HTTP threads can finish.
  processes_.close();
  server_->stop();
  if (serverThread_.joinable()) serverThread_.join();
  std::lock_guard lock(stateMutex_);
  state_.reset();
}

}  // namespace jaws::local
