// The fixture project most tests open: two .jaws files of one project (a
// declaration in one, its uses in the other) and the handler module the
// functions point at. `/*marker*/`s name the positions tests ask about.
import { marked } from './harness.mjs';

export const projectJaws = marked(`/// A todo list service.
project todo {
  runtime      = "nodejs22.x"
  /*projectMemory*/memory       = 256MB
  regions      = ["us-east-1"]
}

/// The table's name.
param /*paramDecl*/tableName: string = "todos-\${/*stageBuiltin*/stage}"

stage dev { }
stage prod {
  regions   = ["us-east-1", "eu-west-1"]
  /*stageKey*/tableName = "todos"
}
`);

export const functionsJaws = marked(`/// One item.
type /*todoDecl*/Todo {
  id: string
  /*titleField*/title: string
}

/// Lists every todo.
/*functionKeyword*/function /*listDecl*/listTodos {
  handler = "src/todos.list"
  /*runtimeKey*/runtime = "nodejs22.x"
  env     = { TABLE = /*tableUse*/tableName }
  /*newAttribute*/
}

api todoApi {
  cors = { origins = ["*"] }
  GET /todos -> /*routeTarget*/listTodos { returns: /*todoUse*/Todo[] }
}

output tableArn = listTodos./*arnMember*/arn
`);

export const handlerModule = 'export async function list() { return { statusCode: 200 }; }\n';

export const files = {
  'project.jaws': projectJaws.text,
  'functions.jaws': functionsJaws.text,
  'src/todos.mjs': handlerModule,
};
