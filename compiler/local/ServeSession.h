#pragma once
// `jaws serve`: the local API on a port, the project's functions warm behind
// it, and the project watched. Editing a handler reloads its functions for
// their next request; editing a .jaws file (or the local values) re-checks
// the project and swaps the routes in, and a version with errors leaves the
// last good one serving. Everything it has to say goes to the sinks.
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "local/LocalGateway.h"
#include "local/LocalLog.h"
#include "local/LocalProject.h"
#include "local/ProcessSupervisor.h"
#include "local/ProjectWatcher.h"
#include "local/ServingState.h"

namespace httplib {
class Server;
}

namespace jaws::local {

struct ServeOptions {
  LocalProjectOptions project;
  std::string host = "127.0.0.1";
  int port = 3000;  // 0: any free port
};

// Receives the diagnostics of every load (the first, and each reload).
using ProjectReport = std::function<void(const LocalProject& project, bool initial)>;

class ServeSession {
 public:
  ServeSession(ServeOptions options, LogSink log, ProjectReport report);
  ~ServeSession();
  ServeSession(const ServeSession&) = delete;
  ServeSession& operator=(const ServeSession&) = delete;

  enum class Start : std::uint8_t { Serving, CannotListen, ProjectErrors, NoTarget };
  // Opens the port, loads the project, starts serving and watching.
  Start start(std::string& whyNot);
  int port() const { return port_; }
  std::string url() const;
  std::shared_ptr<const ServingState> current() const;
  // Stops serving: ends the invocations in flight, stops every process.
  void stop();

 private:
  void reloadLoop();
  void applyChanges(const std::set<std::filesystem::path>& changed);
  std::shared_ptr<ServingState> buildState(const LocalProject& project, const ServingState* previous);

  ServeOptions options_;
  LogSink log_;
  ProjectReport report_;
  EventLoop loop_;
  ProcessSupervisor processes_;
  LocalGateway gateway_;
  std::unique_ptr<httplib::Server> server_;
  std::thread serverThread_;
  int port_ = 0;
  std::filesystem::path projectDir_;

  mutable std::mutex stateMutex_;
  std::shared_ptr<ServingState> state_;

  std::mutex changesMutex_;
  std::condition_variable changesArrived_;
  std::set<std::filesystem::path> changes_;
  bool stopping_ = false;
  std::thread reloader_;
  std::unique_ptr<ProjectWatcher> watcher_;
};

}  // namespace jaws::local
