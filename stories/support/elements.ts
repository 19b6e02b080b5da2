// Registers every <live-chat-*> element for the stories, through the package's public entry
// (importing it defines every tag).
import '@live-chat/elements';
