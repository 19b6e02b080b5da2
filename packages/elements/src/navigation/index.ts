// `@live-chat/elements/navigation`: defines <live-chat-navigation> (the left menu, with the session
// lists and the +New Session form inside it) and exports its class and types. It imports only what
// that element renders: a host importing this entry alone ships nothing else of the package, and
// fetches <live-chat-new-session> the first time the form is opened.
import { setOnDemandLoader } from '../shared/on-demand.js';

setOnDemandLoader('live-chat-new-session', () => import('../new-session/new-session.js'));

export * from './navigation.js';
