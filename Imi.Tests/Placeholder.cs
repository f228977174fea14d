namespace Imi.Tests; public class Placeholder {}
