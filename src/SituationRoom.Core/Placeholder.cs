namespace SituationRoom.Core; internal static class Placeholder {}
