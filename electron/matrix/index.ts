// The access matrix: run it, compare it with access.yaml, write the expectation, draw it.
export { runMatrix, type MatrixOptions } from './run-matrix';
export { columnId, parseColumnId, pickColumns } from './columns';
export { compareMatrix, meets, observedWord } from './drift';
export { accessFilePath, readExpectation, updateExpectation } from './access-file';
export { statusClassOf, refusalOf } from './cell';
