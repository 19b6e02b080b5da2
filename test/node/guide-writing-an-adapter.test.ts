// The adapter of docs/writing-an-adapter.md passes the adapter conformance suite: importing the
// guide's own test file registers the suite's checks with node:test.
import '../../docs/examples/writing-an-adapter/conformance.test.js';
