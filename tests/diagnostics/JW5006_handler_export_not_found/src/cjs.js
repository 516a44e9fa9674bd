exports.handler = async () => ({ statusCode: 200 });
function other() {}
module.exports.other = other;
// third is not exported
function third() {}
