export { default as producer } from './kinesis/producer';
export { default as consumer } from './kinesis/consumer';
